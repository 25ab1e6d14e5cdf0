// Linted as a file in electron/web/: browser mode hosts the services.
import { WebSocketServer } from 'ws';
import { createServices } from '../services/createServices';

export const parts = [WebSocketServer, createServices];

// Entry point of the web client bundle.
import './app.ts';

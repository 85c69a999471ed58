// Entry point of the web client bundle.
import './app.ts';
import './views/pivot.ts';
import './views/graph.ts';
import './search/panel.ts';
import './views/calendar.ts';
import './views/activity.ts';

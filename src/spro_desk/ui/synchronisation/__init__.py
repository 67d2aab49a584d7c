"""The desk's synchronisation in the window: the outbox as a table, the background rounds."""

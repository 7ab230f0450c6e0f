"""briefbot's wiring: configuration, the command line and the Telegram application."""

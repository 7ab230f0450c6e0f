"""The fact store: turns a briefing into facts and keeps them in SQL."""

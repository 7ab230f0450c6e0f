"""Question answering over a briefing's facts: analysis, matching, composition."""

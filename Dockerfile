# briefbot: the Telegram bot, long polling by default (`run --webhook URL` for a webhook).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BRIEFBOT_DATABASE_URL=sqlite:////data/briefbot.db \
    BRIEFBOT_HEARTBEAT_FILE=/tmp/briefbot.heartbeat

RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin briefbot \
    && mkdir /data && chown briefbot:briefbot /data

WORKDIR /app
# Exact versions with hashes (requirements.lock, from `make lock`), then the app itself.
# The lock includes the `postgres` extra (psycopg), so the image can use a shared
# PostgreSQL store as well as SQLite in /data.
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY faq ./faq
COPY handlers ./handlers
COPY store ./store
RUN pip install --no-deps . && rm -rf /app/build

USER briefbot
# The fact store (SQLite, WAL mode): keep it across container restarts.
VOLUME ["/data"]
# Only used in webhook mode (Telegram accepts ports 443, 80, 88 and 8443).
EXPOSE 8443

# Healthy when the fact store opens (read-only: nothing is written) with an active
# briefing, and the bot's loop touched its heartbeat file within the last 40 seconds.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["briefbot", "health"]

ENTRYPOINT ["briefbot"]
CMD ["run"]

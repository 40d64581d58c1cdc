# bpviz for a classroom server: `docker build -t bpviz . && docker run -p 8501:8501 bpviz`
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt && useradd --create-home bpviz
COPY --chown=bpviz .streamlit .streamlit
COPY --chown=bpviz app.py ./
COPY --chown=bpviz bpviz bpviz
COPY --chown=bpviz pages pages
USER bpviz

EXPOSE 8501
# Streamlit answers "ok" on /_stcore/health once the server is up.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"
CMD ["streamlit", "run", "app.py", "--server.address=0.0.0.0", "--server.port=8501", "--server.headless=true"]

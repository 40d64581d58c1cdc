# bpviz for a classroom server: `docker build -t bpviz:0.1.0 . && docker run -p 8501:8501 bpviz:0.1.0`
# Reproducible: the base image is pinned to the Python the tests run on (3.11.7, Debian
# bookworm), and pip installs the exact versions the tests ran with (constraints.txt).
# tests/app/test_docker_image.py stages exactly the paths copied below and opens every page.
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

# No system packages: the worksheets' Chinese font comes from pip (pylopdf-fonts-zh-cn, requirements.txt).
COPY requirements.txt constraints.txt ./
RUN pip install -r requirements.txt -c constraints.txt && useradd --create-home bpviz
COPY --chown=bpviz .streamlit .streamlit
COPY --chown=bpviz app.py ./
COPY --chown=bpviz bpviz bpviz
COPY --chown=bpviz views views
USER bpviz

EXPOSE 8501
# Streamlit answers "ok" on /_stcore/health once the server is up.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"
# Set STREAMLIT_SERVER_ALLOWED_HOSTS="bpviz.school.example" at `docker run` to accept
# websockets only for the host names the class uses (README, "Server settings").
CMD ["streamlit", "run", "app.py", "--server.address=0.0.0.0", "--server.port=8501", "--server.headless=true"]

"""The sandbox's stand-in for what runs inside the simulated pods.

KWOK simulates pods without running containers. This one process gives them a little life:
  * an HTTP server on loopback, the target of every port-forward (kwok ClusterPortForward);
  * log files that grow by one line every two seconds, followed by `kubectl logs -f` (kwok ClusterLogs).
    KWOK reads them in the CRI log format that kubelets use: "<RFC 3339 time> stdout F <line>".
Usage: helper.py PORT LOG_DIR
"""
import http.server
import os
import sys
import threading
import time
from datetime import datetime, timezone


class Hello(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"Hello from the Wheelhouse sandbox\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


def grow_logs(log_dir):
    lines = {
        "frontend.log": ["GET / 200 3ms", "GET /static/app.js 200 1ms", "GET /api/items 200 12ms"],
        "backend.log": ["connected to database as wheelhouse", "handled /items in 9ms", "cache hit ratio 0.93"],
    }
    tick = 0
    while True:
        now = datetime.now(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")
        for name, messages in lines.items():
            with open(os.path.join(log_dir, name), "a", encoding="utf-8") as log:
                log.write(f"{now} stdout F INFO {messages[tick % len(messages)]} (line {tick})\n")
        tick += 1
        time.sleep(2)


def main():
    port, log_dir = int(sys.argv[1]), sys.argv[2]
    os.makedirs(log_dir, exist_ok=True)
    threading.Thread(target=grow_logs, args=(log_dir,), daemon=True).start()
    http.server.ThreadingHTTPServer(("127.0.0.1", port), Hello).serve_forever()


if __name__ == "__main__":
    main()

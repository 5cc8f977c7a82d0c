"""The sandbox's stand-in for what runs inside the simulated pods.

KWOK simulates pods without running containers. This process gives each of them a little life:
  * it watches the cluster's pods (all namespaces but kube-system) and, for every container, grows a
    log file of its own in the CRI format kubelets write ("<RFC 3339 time> stdout F <line>"), one line
    every two seconds, or thousands a second for pods labelled wheelhouse.dev/logs=fast;
  * when a container's restartCount grows (sandbox/stages.yaml makes pods restart), it keeps the old
    instance's log as the previous one and starts a fresh log;
  * for every pod it creates a KWOK Logs object (which files `kubectl logs [--previous]` reads) and a
    PortForward object (what answers a `kubectl port-forward`): KWOK runs `helper.py answer` for each
    forwarded connection, which answers HTTP naming the pod and port;
  * an HTTP server on loopback, the target of forwards to pods it has not set up yet, and the sign
    sandbox/up waits for.
It talks to the API server itself (credentials from the sandbox's kubeconfig, through kubectl) and
lists and watches again whenever the watch ends, so it outlives API server restarts.

Usage: helper.py serve PORT STATE_DIR KUBECTL KUBECONFIG [--no-pods]
       helper.py answer NAMESPACE/POD PORT      (run by KWOK; speaks HTTP on stdin and stdout)
"""
import base64
import http.client
import http.server
import json
import os
import re
import shutil
import ssl
import subprocess
import sys
import threading
import time
import urllib.parse
from datetime import datetime, timezone

SKIPPED_NAMESPACES = {"kube-system"}
FIELD_MANAGER = "wheelhouse-sandbox"
KWOK_API = "/apis/kwok.x-k8s.io/v1alpha1"
LINE_INTERVAL = 2.0
FAST_LABEL = ("wheelhouse.dev/logs", "fast")
SIMULATE_LABEL = "wheelhouse.dev/simulate"
RATE_ANNOTATION = "wheelhouse.dev/log-lines-per-second"
DEFAULT_FAST_RATE = 5000
MAX_FAST_RATE = 100000
FAST_TICK = 0.1
# A log is moved aside at this size and started again (followers reopen it, as with a kubelet's rotation).
LOG_LIMIT = 64 * 1024 * 1024
# Ports a forward answers on besides those the pod's containers declare: what web servers usually listen on.
USUAL_PORTS = (80, 443, 3000, 5000, 8000, 8080, 8443, 9090)

MESSAGES = {
    "frontend": ["INFO GET / 200 3ms", "INFO GET /static/app.js 200 1ms", "INFO GET /api/items 200 12ms"],
    "backend": ["INFO connected to database as wheelhouse", "INFO handled /items in 9ms", "INFO cache hit ratio 0.93"],
}
GENERIC_MESSAGES = ["INFO handled request in 4ms", "INFO processed 12 jobs", "INFO health check ok"]
OOM_MESSAGES = ["INFO loading cache", "WARN memory usage 480Mi of 512Mi limit", "INFO cache holds 1.2M entries"]
CRASH_MESSAGES = ["INFO starting", "INFO reading configuration from /etc/app/config.yaml",
                  "ERROR cannot connect to database at db:5432: connection refused", "FATAL exiting with code 1"]


def timestamp(seconds=None):
    moment = datetime.fromtimestamp(time.time() if seconds is None else seconds, timezone.utc)
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


def say(message):
    print(f"{timestamp()} {message}", flush=True)


class ContainerLog:
    """One container's current log (and previous instance's), as KWOK reads them."""

    def __init__(self, directory, pod_ref, name, messages, fast_rate):
        self.path = os.path.join(directory, f"{name}.log")
        self.previous_path = os.path.join(directory, f"{name}.previous.log")
        self.prefix = f"{pod_ref} {name}"
        self.messages = messages
        self.fast_rate = fast_rate
        self.restarts = None
        self.running = False
        self.line = self._last_line_number()

    def _last_line_number(self):
        # A helper started again carries on where its predecessor stopped.
        try:
            with open(self.path, "rb") as log:
                log.seek(max(0, os.path.getsize(self.path) - 512))
                found = re.findall(rb"\(line (\d+)\)", log.read())
                return int(found[-1]) if found else 0
        except OSError:
            return 0

    def write(self, messages, seconds=None):
        lines = []
        for message in messages:
            self.line += 1
            lines.append(f"{timestamp(seconds)} stdout F {self.prefix} {message} (line {self.line})\n")
        self._append(lines)

    def _append(self, lines):
        with open(self.path, "a", encoding="utf-8") as log:
            log.writelines(lines)
        if os.path.getsize(self.path) > LOG_LIMIT:
            os.replace(self.path, self.path + ".rotated")
            open(self.path, "a").close()

    def tick(self):
        self.write([self.messages[self.line % len(self.messages)]])

    def write_fast(self, count, start, span):
        lines = []
        for i in range(count):
            self.line += 1
            lines.append(f"{timestamp(start + span * i / count)} stdout F {self.prefix} "
                         f"INFO request {self.line} served in 1ms (line {self.line})\n")
        self._append(lines)

    def restarted(self):
        """A new instance: the current log becomes the previous one and a new one starts at line 1."""
        if os.path.exists(self.path):
            os.replace(self.path, self.previous_path)
        open(self.path, "a").close()
        self.line = 0


class Pod:
    def __init__(self, obj, log_root):
        meta = obj["metadata"]
        self.namespace, self.name, self.uid = meta["namespace"], meta["name"], meta["uid"]
        labels = meta.get("labels") or {}
        annotations = meta.get("annotations") or {}
        self.simulate = labels.get(SIMULATE_LABEL)
        fast_rate = 0
        if labels.get(FAST_LABEL[0]) == FAST_LABEL[1]:
            try:
                fast_rate = int(annotations.get(RATE_ANNOTATION, DEFAULT_FAST_RATE))
            except ValueError:
                fast_rate = DEFAULT_FAST_RATE
            fast_rate = max(1, min(fast_rate, MAX_FAST_RATE))
        spec = obj.get("spec") or {}
        self.directory = os.path.join(log_root, self.namespace, f"{self.name}_{self.uid}")
        os.makedirs(self.directory, exist_ok=True)
        ref = f"{self.namespace}/{self.name}"
        self.containers = {}
        for container in spec.get("containers") or []:
            name = container["name"]
            messages = OOM_MESSAGES if self.simulate == "oom" else MESSAGES.get(name, GENERIC_MESSAGES)
            self.containers[name] = ContainerLog(self.directory, ref, name, messages, fast_rate)
        self.init_containers = {}
        for container in spec.get("initContainers") or []:
            log = ContainerLog(self.directory, ref, container["name"], GENERIC_MESSAGES, 0)
            if log.line == 0:
                log.write(["INFO initialising", "INFO done"])
            self.init_containers[container["name"]] = log
        self.ports = sorted({p["containerPort"] for c in spec.get("containers") or [] for p in c.get("ports") or []
                             if p.get("protocol", "TCP") == "TCP"} | set(USUAL_PORTS))

    def update(self, obj):
        """Follows the containers' states: which are running, and which started a new instance."""
        statuses = {s["name"]: s for s in (obj.get("status") or {}).get("containerStatuses") or []}
        for name, log in self.containers.items():
            status = statuses.get(name)
            if status is None:
                log.running = False
                continue
            restarts = status.get("restartCount", 0)
            state = status.get("state") or {}
            if log.restarts is not None and restarts > log.restarts:
                log.restarted()
                if self.simulate == "crashloop":
                    log.write(CRASH_MESSAGES)
                else:
                    log.write([f"INFO started again (restart {restarts})"])
            elif log.restarts is None and log.line == 0 and self.simulate == "crashloop" and "waiting" in state:
                log.write(CRASH_MESSAGES)
            log.restarts = restarts
            log.running = "running" in state
            if log.running and log.line == 0:
                log.tick()  # a first line at once, not up to two seconds later

    def logs_object(self):
        return {
            "apiVersion": "kwok.x-k8s.io/v1alpha1", "kind": "Logs",
            "metadata": self._metadata(),
            "spec": {"logs": [{"containers": [name], "logsFile": log.path, "previousLogsFile": log.previous_path,
                               "follow": True}
                              for name, log in {**self.init_containers, **self.containers}.items()]},
        }

    def port_forward_object(self, helper):
        ref = f"{self.namespace}/{self.name}"
        return {
            "apiVersion": "kwok.x-k8s.io/v1alpha1", "kind": "PortForward",
            "metadata": self._metadata(),
            "spec": {"forwards": [{"ports": [port], "command": [sys.executable, helper, "answer", ref, str(port)]}
                                  for port in self.ports]},
        }

    def _metadata(self):
        # Owned by the pod, so the garbage collector removes them even when this helper is not running.
        return {"name": self.name, "namespace": self.namespace,
                "ownerReferences": [{"apiVersion": "v1", "kind": "Pod", "name": self.name, "uid": self.uid}]}


class ApiServer:
    """Just enough of a Kubernetes client: the kubeconfig's server and client certificate, over HTTPS."""

    def __init__(self, kubectl, kubeconfig, state_dir):
        config = json.loads(subprocess.check_output(
            [kubectl, "--kubeconfig", kubeconfig, "config", "view", "--raw", "--minify", "--flatten", "-o", "json"]))
        cluster, user = config["clusters"][0]["cluster"], config["users"][0]["user"]
        url = urllib.parse.urlsplit(cluster["server"])
        self.host, self.port = url.hostname, url.port or 443
        credentials = os.path.join(state_dir, "helper-credentials")
        os.makedirs(credentials, mode=0o700, exist_ok=True)

        def pem(field, name):
            path = os.path.join(credentials, name)
            with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
                out.write(base64.b64decode(field))
            return path

        self.context = ssl.create_default_context(cafile=pem(cluster["certificate-authority-data"], "ca.crt"))
        self.headers = {}
        if "client-certificate-data" in user:
            self.context.load_cert_chain(pem(user["client-certificate-data"], "client.crt"),
                                         pem(user["client-key-data"], "client.key"))
        if "token" in user:
            self.headers["Authorization"] = f"Bearer {user['token']}"

    def _connection(self, timeout):
        return http.client.HTTPSConnection(self.host, self.port, context=self.context, timeout=timeout)

    def request(self, method, path, body=None, content_type="application/json"):
        connection = self._connection(10)
        try:
            headers = dict(self.headers, Accept="application/json")
            if body is not None:
                headers["Content-Type"] = content_type
                body = json.dumps(body).encode()
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            return response.status, json.loads(data) if data else None
        finally:
            connection.close()

    def watch(self, path):
        """Yields the watch's events until the server ends it."""
        connection = self._connection(330)
        try:
            connection.request("GET", path, headers=dict(self.headers, Accept="application/json"))
            response = connection.getresponse()
            if response.status != 200:
                raise OSError(f"watch answered {response.status}: {response.read()[:300]!r}")
            while True:
                line = response.readline()
                if not line:
                    return
                yield json.loads(line)
        finally:
            connection.close()


class PodLife:
    def __init__(self, api, log_root, helper):
        self.api, self.log_root, self.helper = api, log_root, helper
        self.pods = {}
        self.lock = threading.Lock()

    def run(self):
        selector = urllib.parse.quote(",".join(f"metadata.namespace!={ns}" for ns in sorted(SKIPPED_NAMESPACES)))
        last_problem = None
        while True:
            try:
                status, pods = self.api.request("GET", f"/api/v1/pods?fieldSelector={selector}")
                if status != 200:
                    raise OSError(f"listing pods answered {status}")
                self.reconcile(pods["items"])
                last_problem = None
                version = pods["metadata"]["resourceVersion"]
                for event in self.api.watch(f"/api/v1/pods?watch=1&fieldSelector={selector}"
                                            f"&resourceVersion={version}&timeoutSeconds=300"):
                    if event["type"] in ("ADDED", "MODIFIED"):
                        self.seen(event["object"])
                    elif event["type"] == "DELETED":
                        self.gone(event["object"])
                    elif event["type"] == "ERROR":
                        break  # e.g. 410 Gone: list again
            except (OSError, http.client.HTTPException, ValueError, KeyError) as e:
                if str(e) != last_problem:  # once, not every second while the API server is down
                    say(f"pods: {e}; listing again until it works")
                last_problem = str(e)
                time.sleep(1)

    def reconcile(self, items):
        current = {(p["metadata"]["namespace"], p["metadata"]["name"]): p for p in items}
        for key in [k for k in self.pods if k not in current]:
            self.forget(key)
        for obj in items:
            # After a gap (API server down, helper started again) the objects may be missing: apply them again.
            self.seen(obj, apply_always=True)
        with self.lock:
            kept = {pod.directory for pod in self.pods.values()}
        for namespace in os.listdir(self.log_root):
            for directory in os.listdir(os.path.join(self.log_root, namespace)):
                if os.path.join(self.log_root, namespace, directory) not in kept:
                    shutil.rmtree(os.path.join(self.log_root, namespace, directory), ignore_errors=True)
        say(f"watching {len(items)} pods")

    def seen(self, obj, apply_always=False):
        key = (obj["metadata"]["namespace"], obj["metadata"]["name"])
        with self.lock:
            pod = self.pods.get(key)
            fresh = pod is None or pod.uid != obj["metadata"]["uid"]
            if fresh:
                if pod is not None:
                    shutil.rmtree(pod.directory, ignore_errors=True)
                pod = Pod(obj, self.log_root)
                self.pods[key] = pod
            pod.update(obj)
        if fresh or apply_always:
            self.apply(pod.logs_object(), "logs")
            self.apply(pod.port_forward_object(self.helper), "portforwards")

    def gone(self, obj):
        key = (obj["metadata"]["namespace"], obj["metadata"]["name"])
        pod = self.pods.get(key)
        if pod is not None and pod.uid == obj["metadata"]["uid"]:
            self.forget(key)

    def forget(self, key):
        with self.lock:
            pod = self.pods.pop(key)
        shutil.rmtree(pod.directory, ignore_errors=True)
        for resource in ("logs", "portforwards"):
            # Events come in order, so a pod of the same name created since is set up after this.
            self.api.request("DELETE", f"{KWOK_API}/namespaces/{pod.namespace}/{resource}/{pod.name}")

    def apply(self, obj, resource):
        meta = obj["metadata"]
        path = (f"{KWOK_API}/namespaces/{meta['namespace']}/{resource}/{meta['name']}"
                f"?fieldManager={FIELD_MANAGER}&force=true")
        status, answer = self.api.request("PATCH", path, obj, "application/apply-patch+yaml")
        if status not in (200, 201):
            raise OSError(f"applying {resource} {meta['namespace']}/{meta['name']} answered {status}: "
                          f"{(answer or {}).get('message')}")

    def grow_logs(self):
        while True:
            started = time.monotonic()
            with self.lock:
                logs = [log for pod in self.pods.values() for log in pod.containers.values()
                        if log.running and not log.fast_rate]
            for log in logs:
                try:
                    log.tick()
                except OSError:
                    pass  # its pod went meanwhile
            time.sleep(max(0.1, LINE_INTERVAL - (time.monotonic() - started)))

    def grow_fast_logs(self):
        last = time.time()
        while True:
            time.sleep(FAST_TICK)
            now = time.time()
            with self.lock:
                logs = [log for pod in self.pods.values() for log in pod.containers.values()
                        if log.running and log.fast_rate]
            for log in logs:
                try:
                    log.write_fast(max(1, round(log.fast_rate * (now - last))), last, now - last)
                except OSError:
                    pass
            last = now


class Hello(http.server.BaseHTTPRequestHandler):
    """Answers every GET with who answered: `Hello from <namespace>/<pod> port <port>`."""
    protocol_version = "HTTP/1.1"
    pod = "the Wheelhouse sandbox"
    pod_port = None

    def do_GET(self):
        who = self.pod if self.pod_port is None else f"{self.pod} port {self.pod_port}"
        body = f"Hello from {who}\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        if self.pod_port is not None:
            self.send_header("X-Wheelhouse-Pod", self.pod)
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def log_message(self, format, *args):
        pass


class StdioHello(Hello):
    """One forwarded connection: KWOK connects the stream to this process's stdin and stdout."""

    def setup(self):
        self.rfile = sys.stdin.buffer
        self.wfile = sys.stdout.buffer

    def finish(self):
        self.wfile.flush()


def answer(pod, port):
    StdioHello.pod, StdioHello.pod_port = pod, port
    try:
        StdioHello(None, ("kwok", 0), None)
    except (BrokenPipeError, ConnectionResetError):
        pass


def serve(args):
    port, state_dir, kubectl, kubeconfig = int(args[0]), args[1], args[2], args[3]
    log_root = os.path.join(state_dir, "logs", "pods")
    os.makedirs(log_root, exist_ok=True)
    if "--no-pods" not in args:
        life = PodLife(ApiServer(kubectl, kubeconfig, state_dir), log_root, os.path.abspath(__file__))
        for target in (life.run, life.grow_logs, life.grow_fast_logs):
            threading.Thread(target=target, daemon=True).start()
    http.server.ThreadingHTTPServer(("127.0.0.1", port), Hello).serve_forever()


def main():
    if sys.argv[1:2] == ["answer"]:
        answer(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["serve"]:
        serve(sys.argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

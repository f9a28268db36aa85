#!/usr/bin/env python3
"""Opening-day benchmark client (bench/opening.sh starts Confer and calls this).

VISITORS arrive spread evenly at random over ARRIVALS seconds and join the event's waiting room
(POST /queue), then ask for their place (GET /queue/{id}) as often as the server's pollSeconds says, as the
waiting page does; once a pass is out they register with it (X-Queue-Pass). Reports fairness (Spearman rank
correlation of arrival order with the order of the queue's numbers and with the order passes were seen), places
filled, oversell, and answer times (all requests, and registrations) while the queue drains. Standard library only.
"""
import heapq, http.client, json, os, random, sys, threading, time
from concurrent.futures import ThreadPoolExecutor

HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "18080"))
SLUG, ADMIN = sys.argv[1], sys.argv[2]
VISITORS, PLACES, ARRIVALS = int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
WORKERS = int(os.environ.get("BENCH_OPENING_WORKERS", "96"))
local = threading.local()
lock = threading.Lock()
timings = []  # (finished at, seconds, kind, status)
visitors = []


def call(method, path, headers=None, body=None):
    if not hasattr(local, "conn"):
        local.conn = http.client.HTTPConnection(HOST, PORT, timeout=120)
    h = dict(headers or {})
    if body is not None:
        h["Content-Type"] = "application/json"
    data = json.dumps(body).encode() if body is not None else None
    for _ in range(3):
        try:
            start = time.perf_counter()
            local.conn.request(method, path, body=data, headers=h)
            r = local.conn.getresponse()
            raw = r.read()
            return r.status, raw, time.perf_counter() - start
        except (http.client.HTTPException, ConnectionError, TimeoutError):
            local.conn = http.client.HTTPConnection(HOST, PORT, timeout=120)
    raise RuntimeError("no answer: " + path)


class Visitor:
    def __init__(self, n, at):
        self.n, self.at = n, at
        self.id = self.position = self.sent = self.admitted = self.outcome = None
        self.polls = 0


due = []  # heap of (time, seq, visitor)
seq = 0
cond = threading.Condition()
left = VISITORS


def schedule(at, v):
    global seq
    with cond:
        seq += 1
        heapq.heappush(due, (at, seq, v))
        cond.notify()


def record(kind, status, seconds):
    with lock:
        timings.append((time.perf_counter(), seconds, kind, status))


def step(v):
    global left
    if v.id is None:
        v.sent = time.perf_counter()
        status, raw, took = call("POST", f"/api/v1/events/{SLUG}/queue")
        record("join", status, took)
        assert status == 201, raw[:300]
        body = json.loads(raw)
        v.id, v.position = body["id"], body["position"]
        schedule(time.perf_counter(), v)  # the page asks at once
        return
    status, raw, took = call("GET", f"/api/v1/events/{SLUG}/queue/{v.id}")
    record("poll", status, took)
    v.polls += 1
    place = json.loads(raw)
    if place.get("pass"):
        v.admitted = time.perf_counter()
        status, raw, took = call("POST", f"/api/v1/events/{SLUG}/registrations", {"X-Queue-Pass": place["pass"]},
                                 {"name": f"Visitor {v.n}", "email": f"v{v.n}@opening.example.com"})
        record("register", status, took)
        v.outcome = json.loads(raw).get("status") if status == 201 else str(status)
        with cond:
            left -= 1
            cond.notify_all()
        return
    schedule(time.perf_counter() + max(1, place.get("pollSeconds", 3)), v)


def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    r = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / (va * vb) if va and vb else float("nan")


def pct(values, p):
    if not values:
        return 0
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] * 1000


def main():
    random.seed(int(os.environ.get("BENCH_SEED", "14")))
    start = time.perf_counter() + 1
    for n, at in enumerate(sorted(random.uniform(0, ARRIVALS) for _ in range(VISITORS))):
        v = Visitor(n, start + at)
        visitors.append(v)
        schedule(v.at, v)
    pool = ThreadPoolExecutor(WORKERS)
    slots = threading.Semaphore(WORKERS * 2)

    def run(v):
        try:
            step(v)
        except Exception as e:  # noqa: BLE001 - a failed visitor is counted, the run goes on
            print("  visitor", v.n, "failed:", e, file=sys.stderr)
            global left
            with cond:
                left -= 1
                cond.notify_all()
        finally:
            slots.release()

    while True:
        with cond:
            while left > 0 and (not due or due[0][0] > time.perf_counter()):
                cond.wait(timeout=None if not due else max(0.001, due[0][0] - time.perf_counter()))
            if left <= 0:
                break
            _, _, v = heapq.heappop(due)
        slots.acquire()
        pool.submit(run, v)
    pool.shutdown()
    end = time.perf_counter()
    last_arrival = max(v.sent for v in visitors if v.sent)

    admitted = [v for v in visitors if v.admitted]
    confirmed = sum(1 for v in visitors if v.outcome == "CONFIRMED")
    full = sum(1 for v in visitors if v.outcome == "409")
    others = {}
    for v in visitors:
        if v.outcome not in ("CONFIRMED", "409"):
            others[v.outcome] = others.get(v.outcome, 0) + 1
    print(f"visitors: {VISITORS} arriving over {ARRIVALS:.0f} s; {len(admitted)} admitted; run took {end - start:.0f} s "
          f"({end - last_arrival:.0f} s of it after the last arrival)")
    print(f"places: {PLACES}; registered CONFIRMED: {confirmed}; answered 409 (full): {full}; other outcomes: {others}")
    print(f"oversell: {max(0, confirmed - PLACES)}")
    arrival = [v.sent for v in admitted]
    print(f"fairness, Spearman rank correlation of arrival order with: the queue's numbers "
          f"{spearman(arrival, [v.position for v in admitted]):.4f}; the order passes were seen "
          f"{spearman(arrival, [v.admitted for v in admitted]):.4f}")
    first_filled = sorted(v.n for v in visitors if v.outcome == "CONFIRMED")
    print(f"who got the places: the earliest {sum(1 for n in first_filled if n < PLACES)} of the first {PLACES} arrivals")
    polls = [v.polls for v in visitors]
    print(f"polls per visitor: mean {sum(polls) / len(polls):.1f}, max {max(polls)}")
    for kind in ("join", "poll", "register"):
        during = [t[1] for t in timings if t[2] == kind]
        draining = [t[1] for t in timings if t[2] == kind and t[0] > last_arrival]
        codes = {}
        for t in timings:
            if t[2] == kind:
                codes[t[3]] = codes.get(t[3], 0) + 1
        print(f"  {kind:9s} {len(during):7d} requests {codes}; p50 {pct(during, .5):.0f} ms, p99 {pct(during, .99):.0f} ms; "
              f"while draining (after the last arrival): {len(draining)} requests, p99 {pct(draining, .99):.0f} ms")
    everything = [t[1] for t in timings if t[0] > last_arrival]
    span = max(1e-9, end - last_arrival)
    print(f"server answers while draining: {len(everything)} in {span:.0f} s ({len(everything) / span:.0f}/s), "
          f"p50 {pct(everything, .5):.0f} ms, p99 {pct(everything, .99):.0f} ms (client side, Python)")
    return 0 if confirmed <= PLACES else 1


if __name__ == "__main__":
    sys.exit(main())

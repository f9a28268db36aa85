#!/usr/bin/env python3
"""Floor devices benchmark client (bench/floor.sh starts Confer and calls this).

Registers N people, then measures: the full roster and its deltas (sizes, times) as a desk and a door would fetch
them, and 20 devices (10 desks, 10 doors) syncing 10,000 queued actions at once (500 each), then the same batches
again (each must count once). Checks the event's statistics against what the answers said. Standard library only.
"""
import http.client, json, os, sys, threading, time, uuid, datetime
from concurrent.futures import ThreadPoolExecutor

HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "18080"))
SLUG, ADMIN = sys.argv[1], sys.argv[2]
PEOPLE = int(os.environ.get("BENCH_FLOOR_PEOPLE", "30000"))
DEVICES, PER_DEVICE = 20, 500
local = threading.local()
failures = []


def call(method, path, token=None, body=None):
    if not hasattr(local, "conn"):
        local.conn = http.client.HTTPConnection(HOST, PORT, timeout=300)
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = json.dumps(body).encode() if body is not None else None
    for attempt in range(3):
        try:
            local.conn.request(method, path, body=data, headers=headers)
            r = local.conn.getresponse()
            raw = r.read()
            return r.status, raw
        except (http.client.HTTPException, ConnectionError):
            local.conn = http.client.HTTPConnection(HOST, PORT, timeout=300)
    raise RuntimeError("no answer: " + path)


def check(what, expected, actual):
    ok = expected == actual
    print(f"  {'ok  ' if ok else 'FAIL'} {what}: expected {expected}, got {actual}")
    if not ok:
        failures.append(what)


def staff(role):
    status, raw = call("POST", f"/api/v1/events/{SLUG}/staff-tokens", ADMIN, {"role": role, "label": "bench floor " + role})
    assert status == 201, raw
    return json.loads(raw)["token"]


def roster(token, since=None):
    """All pages of one delta: (entries, bytes, seconds, calls, cursor)."""
    entries, size, calls, cursor = 0, 0, 0, since
    start = time.perf_counter()
    while True:
        path = f"/api/v1/events/{SLUG}/roster" + (f"?since={cursor}" if cursor else "")
        status, raw = call("GET", path, token)
        assert status == 200, raw[:300]
        page = json.loads(raw)
        entries += len(page["entries"]); size += len(raw); calls += 1; cursor = page["cursor"]
        if not page["more"]:
            return entries, size, time.perf_counter() - start, calls, cursor


def main():
    now = datetime.datetime.now(datetime.timezone.utc)
    print(f"Registering {PEOPLE} people through the API (32 connections)...")
    start = time.perf_counter()

    def register(i):
        status, raw = call("POST", f"/api/v1/events/{SLUG}/registrations", None,
                           {"name": f"Floor {i}", "email": f"floor{i}@bench.example.com", "company": "Bench Co", "locale": "ko"})
        assert status == 201, raw[:300]
        return json.loads(raw)["ticket"]

    with ThreadPoolExecutor(32) as pool:
        tickets = list(pool.map(register, range(PEOPLE)))
    print(f"  {PEOPLE / (time.perf_counter() - start):.0f} registrations/s")
    desk, door = staff("DESK"), staff("DOOR")

    figures = []
    e, b, s, c, desk_cursor = roster(desk)
    figures.append(("roster, full, desk (with e-mail)", e, b, s, c))
    e, b, s, c, door_cursor = roster(door)
    figures.append(("roster, full, door", e, b, s, c))
    e, b, s, c, _ = roster(door, door_cursor)
    figures.append(("roster delta, nothing changed", e, b, s, c))

    # 5,000 people checked in before the doors' queues (one desk's backlog, not measured)
    checked_in_at = (now - datetime.timedelta(minutes=40)).isoformat()
    for k in range(10):
        batch = [{"id": str(uuid.uuid4()), "kind": "check-in", "at": checked_in_at, "ticket": tickets[i]}
                 for i in range(5000 + k * 500, 5500 + k * 500)]
        status, raw = call("POST", f"/api/v1/events/{SLUG}/sync", desk, {"device": "setup", "actions": batch})
        assert status == 200, raw[:300]

    # the queues: 10 desks with 500 check-ins each (people 0-4999), 10 doors with 500 taps each (people 5000-9999)
    queues = []
    for d in range(10):
        queues.append((desk, f"desk-{d}", [{"id": str(uuid.uuid4()), "kind": "check-in",
                                            "at": (now - datetime.timedelta(minutes=30, seconds=-i)).isoformat(),
                                            "ticket": tickets[d * 500 + i]} for i in range(PER_DEVICE)]))
    for d in range(10):
        queues.append((door, f"door-{d}", [{"id": str(uuid.uuid4()), "kind": "tap",
                                            "at": (now - datetime.timedelta(minutes=20, seconds=-i)).isoformat(),
                                            "point": f"session:S1{(i % 24) + 1:02d}",
                                            "credential": {"ticket": tickets[5000 + d * 500 + i]}} for i in range(PER_DEVICE)]))

    def sync(queue):
        token, device, actions = queue
        t = time.perf_counter()
        status, raw = call("POST", f"/api/v1/events/{SLUG}/sync", token, {"device": device, "actions": actions})
        assert status == 200, raw[:300]
        return time.perf_counter() - t, len(json.dumps({"device": device, "actions": actions})), len(raw), json.loads(raw)["results"]

    timings = {}
    for run in ("first", "again"):
        start = time.perf_counter()
        with ThreadPoolExecutor(DEVICES) as pool:
            answers = list(pool.map(sync, queues))
        wall = time.perf_counter() - start
        timings[run] = (wall, answers)
    wall, answers = timings["first"]
    results = [r for a in answers for r in a[3]]
    statuses = {}
    for r in results:
        statuses[r["status"]] = statuses.get(r["status"], 0) + 1
    admitted = sum(1 for r in results if r["body"].get("result") == "ADMITTED")
    over = sum(1 for r in results if r["body"].get("overCapacity"))
    first_today = sum(1 for r in results if r["body"].get("firstToday"))
    lat = sorted(a[0] for a in answers)
    print()
    print(f"Sync: {DEVICES} devices x {PER_DEVICE} actions = {DEVICES * PER_DEVICE} actions at once")
    print(f"  first sending: all settled in {wall:.2f} s ({DEVICES * PER_DEVICE / wall:.0f} actions/s); per device call "
          f"median {lat[len(lat) // 2]:.2f} s, slowest {lat[-1]:.2f} s; request {answers[0][1] // 1024} KB, answer {answers[0][2] // 1024} KB (a desk's)")
    wall2, answers2 = timings["again"]
    lat2 = sorted(a[0] for a in answers2)
    print(f"  sent again (all counted before): {wall2:.2f} s ({DEVICES * PER_DEVICE / wall2:.0f} actions/s); slowest device {lat2[-1]:.2f} s")
    again = [r for a in answers2 for r in a[3]]

    e, b, s, c, _ = roster(door, door_cursor)
    figures.append(("roster delta after the syncs (10,000 check-ins)", e, b, s, c))
    print()
    print(f"Roster for {PEOPLE} registrations (pages of 5,000):")
    for what, e, b, s, c in figures:
        print(f"  {what}: {e} entries, {b / 1024:.0f} KB in {c} call(s), {s * 1000:.0f} ms")

    print()
    print("Checks:")
    check("sync answers 200", {200: DEVICES * PER_DEVICE}, statuses)
    check("desk check-ins first today", 5000, first_today)
    check("door taps admitted (seat or over capacity)", 5000, admitted)
    check("resent check-ins answered as the first (firstToday)", 5000, sum(1 for r in again if r["body"].get("firstToday")))
    check("resent taps DUPLICATE", 5000, sum(1 for r in again if r["body"].get("result") == "DUPLICATE"))
    status, raw = call("GET", f"/api/v1/events/{SLUG}/stats", ADMIN)
    stats = json.loads(raw)
    today = stats["days"][0]
    check("checked in (stats)", 10000, today["checkedIn"])
    check("admitted + over capacity (stats)", (admitted - over, over),
          (sum(x["admitted"] for x in stats["sessions"]), sum(x["overCapacity"] for x in stats["sessions"])))
    check("sessions with more seats taken than they have", 0, sum(1 for x in stats["sessions"] if x["admitted"] > x["capacity"]))
    check("roster delta holds every changed registration", True, figures[-1][1] >= 10000)
    print("PASS" if not failures else f"FAIL: {len(failures)} check(s)")
    sys.exit(1 if failures else 0)


main()

#!/usr/bin/env python3
"""Summit-day replay client (bench/summit-day.sh starts Confer and calls this). Standard library only.

Defines the summit (two days, 12 desks, 17 rooms, 160 sessions, 100 booths), registers SUMMIT_PEOPLE people, then
replays day 1 minute by minute of event time through POST /sync (batches of 500, SUMMIT_THREADS devices in parallel):
check-ins with a rush before the 09:30 keynote, session doors around every changeover with a tail of late comers,
booth taps peaking at lunch and the breaks. Faults (SUMMIT_FAULTS): "desk" -- desk D07 stops at 09:00; "door" -- the
door of the room of the 11:00 session in R05 goes silent at 11:10; "smtp" -- the SMTP server (bench/smtp_sink.py, its
control port in SUMMIT_SMTP_CONTROL) refuses every mail from 09:10 to 09:20. The mail the day causes: SUMMIT_WALKINS
people (3 % of SUMMIT_PEOPLE) register on the day when they arrive, at the desk's time of their check-in, and get their
confirmation mail with the ticket. Afterwards it reads the ops room's alerts of day 1 and prints them, with each
fault's detection delay; on a clean replay there must be none. With a sink it checks that every mail reached it once.
"""
import datetime, http.client, json, os, random, sys, threading, time, uuid
from concurrent.futures import ThreadPoolExecutor

HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "18080"))
SLUG, ADMIN = sys.argv[1], sys.argv[2]
DAY1, DAY2 = os.environ["DAY1"], os.environ["DAY2"]
PEOPLE = int(os.environ.get("SUMMIT_PEOPLE", "30000"))
TAPS = int(os.environ.get("SUMMIT_TAPS", "500000"))
FAULTS = [f for f in os.environ.get("SUMMIT_FAULTS", "desk,door,smtp").split(",") if f and f != "none"]
WALKINS = int(os.environ.get("SUMMIT_WALKINS", str(PEOPLE * 3 // 100)))
SINK = os.environ.get("SUMMIT_SMTP_CONTROL", "")  # the SMTP sink's control port, if the server mails through it
# no faster than this many times event time (0: as fast as the server goes): the mail is composed and sent in wall time,
# and at 400x a mail that takes a second (a GC pause, a cold composer) would be judged 7 event minutes late
MAX_SPEED = float(os.environ.get("SUMMIT_MAX_SPEED", "150"))
THREADS = int(os.environ.get("SUMMIT_THREADS", "8"))
DESKS, ROOMS, BOOTHS, SLOTS = 12, 17, 100, ["10:00", "11:00", "13:00", "14:00", "15:00"]
SESSIONS_PER_SLOT = 16  # 5 slots x 16 = 80 sessions a day, 160 over the two days
SHOW = 0.9
FAULT_DESK, FAULT_DESK_AT = "D07", "09:00"
FAULT_ROOM, FAULT_DOOR_SLOT, FAULT_DOOR_AT = "R05", "11:00", "11:10"
FAULT_SMTP_AT, FAULT_SMTP_MINUTES = "09:10", 10
local = threading.local()
rng = random.Random(20261203)


def call(method, path, token=None, body=None):
    if not hasattr(local, "conn"):
        local.conn = http.client.HTTPConnection(HOST, PORT, timeout=300)
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = json.dumps(body).encode() if body is not None else None
    for _ in range(3):
        try:
            t0 = time.perf_counter()
            local.conn.request(method, path, body=data, headers=headers)
            r = local.conn.getresponse()
            raw = r.read()
            return r.status, raw, time.perf_counter() - t0
        except (http.client.HTTPException, ConnectionError):
            local.conn = http.client.HTTPConnection(HOST, PORT, timeout=300)
    raise RuntimeError("no answer: " + path)


def hm(text):
    h, m = text.split(":")
    return int(h) * 60 + int(m)


def at(minute, second):
    return f"{DAY1}T{minute // 60:02d}:{minute % 60:02d}:{second:02d}+09:00"


def definition():
    rooms = [{"code": f"R{r:02d}", "name": {"ko": f"{r}번 강의실", "en": f"Room {r}"}, "capacity": 3000} for r in range(1, ROOMS + 1)]
    sessions = []
    for d, date in ((1, DAY1), (2, DAY2)):
        k = 0
        for slot in SLOTS:
            for i in range(SESSIONS_PER_SLOT):
                room = (k % ROOMS) + 1
                k += 1
                start = hm(slot)
                sessions.append({"code": f"S{d}{k:02d}", "title": {"ko": f"세션 {k}", "en": f"Session {k}"}, "track": "main",
                                 "room": f"R{room:02d}", "day": date, "start": slot,
                                 "end": f"{(start + 45) // 60:02d}:{(start + 45) % 60:02d}", "language": "ko",
                                 "speakers": [{"name": "Speaker", "company": "Bench Co"}]})
    keynote = {"start": "09:30", "end": "10:00", "halls": [{"name": "Hall A", "seats": 20000}, {"name": "Hall B", "seats": 15000}]}
    return {"name": {"ko": "Confer 서밋 리플레이", "en": "Confer summit replay"}, "timezone": "Asia/Seoul",
            "capacity": PEOPLE + WALKINS, "waitlist": 0,
            "days": [{"date": d, "doorsOpen": "08:00", "end": "18:00", "mealVouchers": PEOPLE + WALKINS, "keynote": keynote} for d in (DAY1, DAY2)],
            "rooms": rooms, "tracks": [{"code": "main", "name": {"ko": "메인", "en": "Main"}}], "sessions": sessions,
            "booths": [{"code": f"B{b:03d}", "sponsor": f"Sponsor {b}", "location": f"H-{b:03d}"} for b in range(1, BOOTHS + 1)]}


def register_all():
    def team(t):
        members = [{"name": f"Guest {t}-{i}", "email": f"guest{t}-{i}@bench.example.com"} for i in range(min(50, PEOPLE - t * 50))]
        status, raw, _ = call("POST", f"/api/v1/events/{SLUG}/teams", None, {"name": f"Team {t}", "locale": "ko", "members": members})
        assert status == 201, raw[:300]
        return [m["ticket"] for m in json.loads(raw)["members"]]

    start = time.perf_counter()
    with ThreadPoolExecutor(16) as pool:
        tickets = [t for team_tickets in pool.map(team, range((PEOPLE + 49) // 50)) for t in team_tickets]
    print(f"Registered {len(tickets)} people in teams of 50 in {time.perf_counter() - start:.0f} s")
    return tickets


def mail_drained(limit=int(os.environ.get("SUMMIT_MAIL_WAIT", "900"))):
    """Waits until the confirmation mails are composed and out: a real day's registrations are weeks old, so the
    replay must not share the cores with composing 30,000 mails (the profile found 32 % of the CPU there)."""
    start = time.perf_counter()
    if limit <= 0:
        return
    while time.perf_counter() - start < limit:
        status, raw, _ = call("GET", "/actuator/prometheus", ADMIN)
        pending = [float(line.split()[-1]) for line in raw.decode().splitlines() if line.startswith("confer_mail_outbox_pending")]
        if status == 200 and pending and pending[0] == 0:
            print(f"Mail outbox empty after {time.perf_counter() - start:.0f} s")
            return
        time.sleep(2)
    print(f"Mail outbox not empty after {limit} s; replaying anyway")


def sink(command):
    conn = http.client.HTTPConnection("127.0.0.1", int(SINK), timeout=30)
    conn.request("GET", "/" + command)
    return json.loads(conn.getresponse().read())


def walk_ins():
    """Who registers on the day as they arrive: (event minute, desk), arriving like everyone else."""
    desk_stop = hm(FAULT_DESK_AT) if "desk" in FAULTS else 10 ** 6
    people = []
    for _ in range(WALKINS):
        m = int(rng.triangular(hm("08:00"), hm("09:35"), hm("09:20")) if rng.random() < 0.85 else rng.uniform(hm("09:35"), hm("13:00")))
        desk = rng.choice([f"D{d:02d}" for d in range(1, DESKS + 1) if m < desk_stop or f"D{d:02d}" != FAULT_DESK])
        people.append((m, desk))
    return people


def register_walk_in(minute, desk, n):
    """Registers one walk-in now (their confirmation mail is queued) and returns their check-in at the desk."""
    status, raw, _ = call("POST", f"/api/v1/events/{SLUG}/registrations", None,
                          {"name": f"Walk-in {n}", "email": f"walkin{n}@bench.example.com", "locale": "ko"})
    assert status == 201, raw[:300]
    return {"id": str(uuid.uuid4()), "kind": "check-in", "at": at(minute, rng.randrange(60)), "ticket": json.loads(raw)["ticket"],
            "desk": desk}


def day_one(tickets):
    """Every action of day 1 as (event minute, action), in event-time order."""
    actions = []
    came = [t for t in tickets if rng.random() < SHOW]
    desk_stop = hm(FAULT_DESK_AT) if "desk" in FAULTS else 10 ** 6
    # arrivals: 08:00-09:30 rising to the keynote, a trickle until 13:00
    arrival = {}
    for t in came:
        m = int(min(rng.triangular(hm("08:00"), hm("09:35"), hm("09:20")) if rng.random() < 0.85
                    else rng.uniform(hm("09:35"), hm("13:00")), hm("17:59")))
        desk = f"D{rng.randrange(1, DESKS + 1):02d}"
        if desk == FAULT_DESK and m >= desk_stop:
            desk = rng.choice([f"D{d:02d}" for d in range(1, DESKS + 1) if f"D{d:02d}" != FAULT_DESK])  # queue elsewhere
        arrival[t] = m
        actions.append((m, {"id": str(uuid.uuid4()), "kind": "check-in", "at": at(m, rng.randrange(60)), "ticket": t, "desk": desk}))
    sessions = [s for s in definition()["sessions"] if s["day"] == DAY1]
    door_taps = 0
    door_stop = hm(FAULT_DOOR_AT) if "door" in FAULTS else 10 ** 6
    for s in sessions:
        start = hm(s["start"])
        audience = [t for t in came if arrival[t] < start and rng.random() < 0.8 / SESSIONS_PER_SLOT]
        for t in audience:
            # most come in the changeover, a tail of late comers until 30 minutes in
            m = int(rng.triangular(start - 15, start + 30, start - 2))
            if s["room"] == FAULT_ROOM and s["start"] == FAULT_DOOR_SLOT and m >= door_stop:
                continue  # the door went silent: these people walk in unscanned
            actions.append((m, {"id": str(uuid.uuid4()), "kind": "tap", "at": at(m, rng.randrange(60)),
                                "point": "session:" + s["code"], "credential": {"ticket": t}}))
            door_taps += 1
    booth_taps = max(0, TAPS - door_taps)
    peaks = [hm("10:45"), hm("12:15"), hm("13:45"), hm("14:45"), hm("15:45")]
    for _ in range(booth_taps):
        t = came[rng.randrange(len(came))]
        m = int(rng.gauss(rng.choice(peaks), 20 if rng.random() < 0.7 else 60))
        m = max(arrival[t], min(m, hm("17:59")))
        actions.append((m, {"id": str(uuid.uuid4()), "kind": "tap", "at": at(m, rng.randrange(60)),
                            "point": f"booth:B{rng.randrange(1, BOOTHS + 1):03d}", "credential": {"ticket": t}}))
    actions.sort(key=lambda a: a[0])
    print(f"Day 1: {len(came)} arrivals, {door_taps} session-door taps, {booth_taps} booth taps ({door_taps + booth_taps} taps)")
    return actions


def replay(actions, walkins=()):
    """Minute by minute of event time: that minute's walk-ins register, then its actions (with their check-ins) go in
    batches of 500, THREADS devices at once. The SMTP fault starts and ends at its event minutes."""
    latencies, lock, bad = [], threading.Lock(), []

    def send(batch):
        status, raw, took = call("POST", f"/api/v1/events/{SLUG}/sync", ADMIN, {"device": "replay", "actions": batch})
        with lock:
            latencies.append(took)
            if status != 200:
                bad.append(f"HTTP {status}: {raw[:200]}")

    start = time.perf_counter()
    by_minute = {}
    for m, a in actions:
        by_minute.setdefault(m, []).append(a)
    arriving = {}
    for n, (m, desk) in enumerate(walkins):
        arriving.setdefault(m, []).append((m, desk, n))
        by_minute.setdefault(m, [])
    smtp = {hm(FAULT_SMTP_AT): "refuse", hm(FAULT_SMTP_AT) + FAULT_SMTP_MINUTES: "accept"} if "smtp" in FAULTS and SINK else {}
    first = min(by_minute)
    with ThreadPoolExecutor(THREADS) as pool:
        for m in sorted(by_minute):
            if MAX_SPEED > 0:
                ahead = start + (m - first) * 60 / MAX_SPEED - time.perf_counter()
                if ahead > 0:
                    time.sleep(ahead)
            if m in smtp:
                sink(smtp.pop(m))
            chunk = by_minute[m] + list(pool.map(lambda w: register_walk_in(*w), arriving.get(m, [])))
            list(pool.map(send, [chunk[i:i + 500] for i in range(0, len(chunk), 500)]))
    for command in smtp.values():
        sink(command)
    took = time.perf_counter() - start
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
    minutes = max(by_minute) - min(by_minute) + 1
    print(f"Replayed {len(actions) + len(walkins)} actions ({len(walkins)} of them walk-ins registered then checked in) over {minutes} event minutes in {took:.0f} s wall "
          f"({len(actions) / took:.0f} actions/s, {minutes / (took / 60):.0f}x event time); "
          f"{len(latencies)} sync calls of up to 500: p50 {p(0.5):.0f} ms, p99 {p(0.99):.0f} ms, max {p(1.0):.0f} ms")
    if bad:
        print(f"  FAIL: {len(bad)} sync calls refused, e.g. {bad[0]}")
    return took


def mails_once(expected, limit=300):
    """After the replay: the outbox drains, and the sink got every mail exactly once (one per registration)."""
    if not SINK:
        return 0
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        status, raw, _ = call("GET", "/actuator/prometheus", ADMIN)
        pending = [float(line.split()[-1]) for line in raw.decode().splitlines() if line.startswith("confer_mail_outbox_pending")]
        if status == 200 and pending and pending[0] == 0 and sink("count")["distinct"] >= expected:
            break
        time.sleep(2)
    count = sink("count")
    ok = count["distinct"] == expected and count["duplicates"] == 0
    print(f"Mail at the SMTP sink: {count['accepted']} accepted, {count['distinct']} distinct of {expected} expected "
          f"(one per registration), {count['duplicates']} twice, {count['refused']} refused during the fault: "
          + ("every mail once (PASS)" if ok else "FAIL"))
    return 0 if ok else 1


def alerts():
    status, raw, _ = call("GET", f"/api/v1/events/{SLUG}/ops/alerts?day={DAY1}", ADMIN)
    assert status == 200, raw[:300]
    found = json.loads(raw)
    print(f"Alerts of day 1: {len(found)}")
    for a in found:
        print(f"  {a['openedAt'][11:16]}-{(a['closedAt'] or '     ')[11:16] or 'open '} {a['signal']:9} {a['subject']:8} {a['kind']:10} "
              f"observed {a['observed']} expected {a['expected']}" + (f" forecast {a['forecastAt'][11:16]}" if a.get("forecastAt") else ""))
    failures = 0
    expected = {"desk": ("arrivals", FAULT_DESK, FAULT_DESK_AT), "door": ("taps", FAULT_ROOM, FAULT_DOOR_AT),
                "smtp": ("mail", "backlog", FAULT_SMTP_AT)}
    for fault in FAULTS:
        signal, subject, since = expected[fault]
        hit = [a for a in found if a["signal"] == signal and a["subject"] == subject and a["openedAt"][11:16] >= since]
        if hit:
            late = hm(hit[0]["openedAt"][11:16]) - hm(since)
            print(f"  fault '{fault}' ({subject} from {since}): alert {hit[0]['kind']} opened {late} event minutes later")
            if fault == "smtp":
                back = hm(FAULT_SMTP_AT) + FAULT_SMTP_MINUTES
                if hit[0]["closedAt"]:
                    print(f"  fault 'smtp': SMTP accepted again at {back // 60:02d}:{back % 60:02d}, the alert closed "
                          f"{hm(hit[0]['closedAt'][11:16]) - back} event minutes later (PASS)")
                else:
                    print("  FAIL fault 'smtp': the alert never closed after SMTP came back")
                    failures += 1
        else:
            print(f"  FAIL fault '{fault}' ({subject} from {since}): no alert")
            failures += 1
    faulty = {(expected[f][0], expected[f][1]) for f in FAULTS}
    others = [a for a in found if (a["signal"], a["subject"]) not in faulty]
    print(f"  alerts not caused by an injected fault: {len(others)}" + ("" if not others else " (FAIL)"))
    return failures + len(others)


def main():
    status, raw, _ = call("PUT", f"/api/v1/events/{SLUG}", ADMIN, definition())
    assert status in (200, 201), raw[:500]
    print(f"Summit '{SLUG}' on {DAY1} and {DAY2} (Asia/Seoul): {PEOPLE} places, {DESKS} desks, {ROOMS} rooms, "
          f"{2 * len(SLOTS) * SESSIONS_PER_SLOT} sessions, {BOOTHS} booths; faults: {', '.join(FAULTS) or 'none'}")
    tickets = register_all()
    mail_drained()
    actions = day_one(tickets)
    walkins = walk_ins()
    wall = replay(actions, walkins)
    failures = mails_once(len(tickets) + len(walkins))
    failures += alerts()
    print(f"Whole day 1 replayed in {wall / 60:.1f} min wall (target: under 5)")
    print("PASS" if failures == 0 else f"FAIL ({failures})")
    sys.exit(0 if failures == 0 else 1)


main()

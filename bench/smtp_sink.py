#!/usr/bin/env python3
"""A small real SMTP server for the benches (standard library only): accepts every mail and counts it by its
Message-ID, or refuses while told to -- a new connection gets "421 4.3.2" at the greeting, an open one at its next
command, and the connection is closed, as a mail server going down does. Nothing is stored but the counts.

  python3 bench/smtp_sink.py SMTP_PORT CONTROL_PORT

Control over HTTP on 127.0.0.1:CONTROL_PORT: GET /refuse, GET /accept, GET /count ->
{"accepted": n, "distinct": n, "duplicates": n, "refused": n, "refusing": bool}.
"""
import http.server, json, socketserver, sys, threading

state = {"refusing": False, "accepted": 0, "refused": 0}
ids = set()
duplicates = [0]
lock = threading.Lock()


class Smtp(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def refuse(self):
        with lock:
            state["refused"] += 1
        self.reply("421 4.3.2 Service not available, closing transmission channel")

    def handle(self):
        if state["refusing"]:
            return self.refuse()
        self.reply("220 bench-sink ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.decode("ascii", "replace").strip().split(" ", 1)[0].upper()
            if state["refusing"] and verb != "QUIT":
                return self.refuse()
            if verb == "EHLO":
                self.reply("250-bench-sink")
                self.reply("250-8BITMIME")
                self.reply("250 SMTPUTF8")
            elif verb in ("HELO", "MAIL", "RCPT", "RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                message_id, headers = None, True
                while True:
                    data = self.rfile.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    if headers:
                        if data in (b"\r\n", b"\n"):
                            headers = False
                        elif data.lower().startswith(b"message-id:"):
                            message_id = data.split(b":", 1)[1].strip()
                with lock:
                    state["accepted"] += 1
                    if message_id in ids:
                        duplicates[0] += 1
                    elif message_id is not None:
                        ids.add(message_id)
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class Control(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/refuse":
            state["refusing"] = True
        elif self.path == "/accept":
            state["refusing"] = False
        elif self.path != "/count":
            self.send_error(404)
            return
        with lock:
            body = json.dumps({"accepted": state["accepted"], "distinct": len(ids), "duplicates": duplicates[0],
                               "refused": state["refused"], "refusing": state["refusing"]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


if __name__ == "__main__":
    smtp = Server(("127.0.0.1", int(sys.argv[1])), Smtp)
    threading.Thread(target=smtp.serve_forever, daemon=True).start()
    control = http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), Control)
    print(f"SMTP sink on 127.0.0.1:{sys.argv[1]}, control on 127.0.0.1:{sys.argv[2]}", flush=True)
    control.serve_forever()

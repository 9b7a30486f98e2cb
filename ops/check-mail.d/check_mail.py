"""Runs the README's snippets for `redress mail receive` with the real mail programs.

Usage: check_mail.py REDRESS-BINARY CLUSTER-DIR WORK-DIR README

The snippets are read from the README's "Receiving mail" section, so what the README
says is what is run: its pg_hba.conf and pg_ident.conf lines; a Postfix instance of this
check's own with the README's alias and its master.cf pipe transport (run as `nobody`
rather than a `redress` user), messages sent to it over SMTP on 127.0.0.1; procmail with
the README's recipe; fetchmail and getmail with the README's configuration. Only what
must differ on a test machine is replaced: the binary's
path, the database URL (a socket folder of this cluster), the mail server's name, port and
password (a POP3 server of this script's own on 127.0.0.1) and fetchmail's `ssl` (the
loopback server speaks no TLS: `sslproto ''` instead). Prints one `ok` line per check; exits 1 on the first
failure.
"""

import email.message
import email.utils
import getpass
import json
import os
import re
import shutil
import socketserver
import subprocess
import sys
import threading
import urllib.parse

binary, cluster, work, readme_path = sys.argv[1:5]
readme_binary = "/usr/local/bin/redress"
readme_database = "postgresql:///redress?user=mailgate"
# The mail programs reach the cluster through a second socket folder that any user may enter
# (the cluster's own folder is its owner's alone), as the gateway login.
sockets = os.path.join(work, "sockets")
database = "postgresql://mailgate@" + urllib.parse.quote(sockets, safe="") + "/redress"
owner_env = dict(os.environ, REDRESS_DATABASE_URL="postgresql:///redress?host=" + cluster)
password = "pop-secret"
checks = 0


def fail(what, detail=""):
    print(f"FAILED   {what}")
    if detail:
        print(detail)
    sys.exit(1)


def ok(what):
    global checks
    checks += 1
    print(f"ok       {what}")


def redress(*arguments, check=True):
    result = subprocess.run([binary, *arguments], env=owner_env, capture_output=True, text=True, timeout=60)
    if check and result.returncode != 0:
        fail("redress " + " ".join(arguments), result.stdout + result.stderr)
    return result


# MARK: The README's snippets


def snippets():
    """The fenced blocks of the README's "Receiving mail" section."""
    text = open(readme_path, encoding="utf-8").read()
    start = text.index("#### Receiving mail")
    end = text.index("\n#### ", start + 1)
    return re.findall(r"^```\n(.*?)^```$", text[start:end], flags=re.S | re.M)


def snippet(marker, runs_redress=True):
    found = [block for block in snippets() if marker in block]
    if len(found) != 1:
        fail(f"the README's Receiving mail section has one snippet with {marker!r}", f"found {len(found)}")
    block = found[0]
    if runs_redress and readme_binary not in block:
        fail(f"the README's snippet with {marker!r} runs {readme_binary}", block)
    return block.replace(readme_binary, binary).replace(readme_database, database)


# MARK: A POP3 server on 127.0.0.1


class Mailbox:
    """The messages of the POP3 server; deletions take effect at QUIT, as RFC 1939 says."""

    def __init__(self):
        self.lock = threading.Lock()
        self.messages = {}  # uid -> (program, bytes with CRLF line ends)
        self.next_uid = 1
        # Each mail program is handed only the messages put there for it.
        self.serving = None

    def add(self, raw, program):
        with self.lock:
            uid = f"m{self.next_uid}"
            self.next_uid += 1
            self.messages[uid] = (program, raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
            return uid


mailbox = Mailbox()


class POP3Handler(socketserver.StreamRequestHandler):
    def send(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.send("+OK Redress test POP3 server ready")
        authorized = False
        user = None
        with mailbox.lock:
            listing = [(uid, raw) for uid, (program, raw) in mailbox.messages.items() if program == mailbox.serving]
        deleted = set()
        while True:
            line = self.rfile.readline()
            if not line:
                return
            words = line.decode(errors="replace").strip().split()
            if not words:
                self.send("-ERR empty command")
                continue
            command, arguments = words[0].upper(), words[1:]
            if command == "CAPA":
                self.send("+OK capabilities follow")
                for capability in ("USER", "UIDL", "TOP"):
                    self.send(capability)
                self.send(".")
            elif command == "USER":
                user = arguments[0] if arguments else None
                self.send("+OK")
            elif command == "PASS":
                if user == "complaints" and arguments == [password]:
                    authorized = True
                    self.send(f"+OK {len(listing)} messages")
                else:
                    self.send("-ERR authentication failed")
            elif command == "QUIT":
                if authorized:
                    with mailbox.lock:
                        for index in deleted:
                            mailbox.messages.pop(listing[index][0], None)
                self.send("+OK bye")
                return
            elif not authorized:
                self.send("-ERR not authorized")
            elif command == "NOOP":
                self.send("+OK")
            elif command == "RSET":
                deleted.clear()
                self.send("+OK")
            elif command in ("STAT", "LIST", "UIDL"):
                live = [(index, uid, raw) for index, (uid, raw) in enumerate(listing) if index not in deleted]
                if command == "STAT":
                    self.send(f"+OK {len(live)} {sum(len(raw) for _, _, raw in live)}")
                    continue
                value = (lambda uid, raw: len(raw)) if command == "LIST" else (lambda uid, raw: uid)
                if arguments:
                    index = self.number(arguments[0], len(listing), deleted)
                    if index is not None:
                        self.send(f"+OK {index + 1} {value(*listing[index])}")
                    continue
                self.send("+OK")
                for index, uid, raw in live:
                    self.send(f"{index + 1} {value(uid, raw)}")
                self.send(".")
            elif command in ("RETR", "TOP"):
                index = self.number(arguments[0] if arguments else "", len(listing), deleted)
                if index is None:
                    continue
                raw = listing[index][1]
                if command == "TOP":
                    head, _, body = raw.partition(b"\r\n\r\n")
                    lines = int(arguments[1]) if len(arguments) > 1 else 0
                    raw = head + b"\r\n\r\n" + b"\r\n".join(body.split(b"\r\n")[:lines])
                self.send("+OK message follows")
                for part in raw.split(b"\r\n"):
                    self.wfile.write((b"." + part if part.startswith(b".") else part) + b"\r\n")
                self.send(".")
            elif command == "DELE":
                index = self.number(arguments[0] if arguments else "", len(listing), deleted)
                if index is not None:
                    deleted.add(index)
                    self.send("+OK deleted")
            else:
                self.send("-ERR unknown command")

    def number(self, word, count, deleted):
        if word.isdigit() and 1 <= int(word) <= count and int(word) - 1 not in deleted:
            return int(word) - 1
        self.send("-ERR no such message")
        return None


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


pop3 = Server(("127.0.0.1", 0), POP3Handler)
threading.Thread(target=pop3.serve_forever, daemon=True).start()
pop3_port = pop3.server_address[1]

# MARK: Messages and where they landed


def message(reference, program):
    """A reply naming `reference` in its subject, written by Python's email library."""
    mail = email.message.EmailMessage()
    mail["From"] = "Kim Minji <minji@example.org>"
    mail["To"] = "complaints@hr.example.org"
    mail["Subject"] = f"Re: {reference} the eviction ({program})"
    mail["Date"] = email.utils.formatdate(localtime=True)
    mail["Message-ID"] = email.utils.make_msgid(domain="example.org")
    mail.set_content(f"The landlord wrote again; this came through {program}.\n")
    mail.add_attachment(
        b"%PDF-1.4\n% a letter\n" + bytes(range(256)) * 8,
        maintype="application",
        subtype="pdf",
        filename=f"{program}.pdf",
    )
    return bytes(mail)


def landed(reference, program):
    """The messages received whose subject names `program`."""
    listed = json.loads(redress("mail", "list", "--format", "json").stdout)
    found = [m for m in listed if m.get("subject", "").endswith(f"({program})")]
    if len(found) != 1:
        fail(f"{program}: one message received", json.dumps(found, indent=1))
    if found[0]["reference"] != reference or found[0]["state"] != "filed":
        fail(f"{program}: the message is filed on {reference}", json.dumps(found[0], indent=1))
    documents = json.loads(redress("case", "documents", reference, "--format", "json").stdout)
    if not [document for document in documents if f"{program}.pdf" in json.dumps(document, ensure_ascii=False)]:
        fail(f"{program}: its attachment is a document of {reference}", json.dumps(documents, indent=1))
    ok(f"{program}: the message is filed on {reference} (once), its attachment a document")


def set_database(running):
    action = "start" if running else "stop"
    result = subprocess.run(
        [binary, "local", action, "--data-dir", cluster], capture_output=True, text=True, timeout=120
    )
    if result.returncode != 0:
        fail(f"local {action}", result.stdout + result.stderr)


def run(what, argv, stdin=None, env=None, shell=False):
    try:
        return subprocess.run(
            argv, input=stdin, capture_output=True, env=env if env is not None else {"PATH": "/usr/bin:/bin"},
            timeout=60, shell=shell, cwd=work,
        )
    except subprocess.TimeoutExpired:
        fail(f"{what}: finished within 60 seconds")


# MARK: The office and its gateway login (as the README sets it up)

subprocess.run(["createuser", "-h", cluster, "mailgate"], check=True, env=owner_env)
redress("staff", "add", "mailgate", "--role", "supervisor", "--name", "Mail gateway")
# The README's pg_hba.conf line, and its pg_ident.conf map with the user the mail programs
# run as here.
lines = [line.split() for line in snippet("map=mailgate", runs_redress=False).splitlines()]
lines = [line for line in lines if line and not line[0].startswith("#")]
if len(lines) < 2 or lines[0][0] != "local" or lines[1][0] != "mailgate":
    fail("the README's login snippet has a pg_hba.conf line, then a pg_ident.conf line", str(lines))
with open(os.path.join(cluster, "pg_hba.conf"), "r+") as file:
    rest = file.read()
    file.seek(0)
    file.write(" ".join(lines[0]) + "\n" + rest)
with open(os.path.join(cluster, "pg_ident.conf"), "a") as file:
    for line in lines[1:]:
        file.write(" ".join(line) + "\n")
    # procmail, fetchmail and getmail run as whoever runs this check.
    file.write(f"mailgate {getpass.getuser()} {lines[1][2]}\n")
os.makedirs(sockets, mode=0o755)
owner = os.stat(cluster)
os.chown(sockets, owner.st_uid, owner.st_gid)
with open(os.path.join(cluster, "postgresql.conf"), "a") as file:
    # Redress's cluster lets only its owner use its socket; the mail system's users connect too.
    file.write(f"\nunix_socket_directories = '{cluster},{sockets}'\nunix_socket_permissions = 0777\n")
set_database(running=False)
set_database(running=True)
reference = redress(
    "case", "open", "--complainant", "Kim Minji", "--email", "minji@example.org",
    "--respondent", "Gwangju City Housing Corporation", "--summary", "Eviction without notice",
    "--category", "housing", "--received-at", "2026-02-26T10:00+09:00",
).stdout.strip()
ok(f"the gateway login from the README's pg_hba.conf line; case {reference}")

# MARK: Postfix

# A Postfix instance of its own (configuration and queue in the work folder, SMTP on a free
# port of 127.0.0.1): the README's alias in its aliases file and its pipe transport in its
# master.cf, a message sent to each address over SMTP.
postfix_dir = os.path.join(work, "postfix")
postfix_conf = os.path.join(postfix_dir, "etc")
os.makedirs(postfix_conf)
os.makedirs(os.path.join(postfix_dir, "data"))
shutil.chown(os.path.join(postfix_dir, "data"), "postfix")
os.makedirs(os.path.join(postfix_dir, "queue"))


def free_port():
    with socketserver.TCPServer(("127.0.0.1", 0), socketserver.BaseRequestHandler) as probe:
        return probe.server_address[1]


smtp_port = free_port()
alias = snippet('complaints: "|')
transport = snippet("pipe")
if not re.fullmatch(r'\s*complaints:\s*"\|.*"\s*', alias, flags=re.S):
    fail("the alias snippet reads complaints: \"|COMMAND\"", alias)
# The pipe's user: `nobody` here (the README's pg_ident.conf line maps it to the gateway login).
transport = transport.replace("user=redress", "user=nobody")
with open(os.path.join(postfix_conf, "aliases"), "w") as file:
    file.write(alias)
with open(os.path.join(postfix_conf, "transport"), "w") as file:
    file.write("pipe@hr.example.org redress:\n")
with open(os.path.join(postfix_conf, "main.cf"), "w") as file:
    file.write(
        f"""compatibility_level = 3.6
queue_directory = {postfix_dir}/queue
data_directory = {postfix_dir}/data
maillog_file = {postfix_dir}/maillog
maillog_file_prefixes = {postfix_dir}
syslog_name = redress-check-mail
myhostname = hr.example.org
mydomain = hr.example.org
mydestination = hr.example.org
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relayhost =
alias_maps = hash:{postfix_conf}/aliases
alias_database = hash:{postfix_conf}/aliases
transport_maps = hash:{postfix_conf}/transport
local_recipient_maps =
default_privs = nobody
smtputf8_enable = no
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
"""
    )
services = [
    f"127.0.0.1:{smtp_port} inet n - n - - smtpd",
    "pickup unix n - n 60 1 pickup",
    "cleanup unix n - n - 0 cleanup",
    "qmgr unix n - n 300 1 qmgr",
    "tlsmgr unix - - n 1000? 1 tlsmgr",
    "rewrite unix - - n - - trivial-rewrite",
    "bounce unix - - n - 0 bounce",
    "defer unix - - n - 0 bounce",
    "trace unix - - n - 0 bounce",
    "verify unix - - n - 1 verify",
    "flush unix n - n 1000? 0 flush",
    "proxymap unix - - n - - proxymap",
    "smtp unix - - n - - smtp",
    "relay unix - - n - - smtp",
    "showq unix n - n - - showq",
    "error unix - - n - - error",
    "retry unix - - n - - error",
    "discard unix - - n - - discard",
    "local unix - n n - - local",
    "anvil unix - - n - 1 anvil",
    "scache unix - - n - 1 scache",
    "postlog unix-dgram n - n - 1 postlogd",
]
with open(os.path.join(postfix_conf, "master.cf"), "w") as file:
    file.write("\n".join(services) + "\n" + transport)
for table in ("aliases", "transport"):
    subprocess.run(["postmap" if table == "transport" else "postalias", "-c", postfix_conf,
                    os.path.join(postfix_conf, table)], check=True)


def postfix(*arguments):
    result = subprocess.run(["postfix", "-c", postfix_conf, *arguments], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        fail("postfix " + " ".join(arguments), result.stdout + result.stderr)


def queued():
    result = subprocess.run(["postqueue", "-c", postfix_conf, "-j"], capture_output=True, text=True, timeout=30)
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def send(recipient, raw):
    import smtplib

    with smtplib.SMTP("127.0.0.1", smtp_port, timeout=30) as client:
        client.sendmail("minji@example.org", [recipient], raw)


def until(what, condition, seconds=30):
    import time

    for _ in range(seconds * 10):
        if condition():
            return
        time.sleep(0.1)
    log = open(os.path.join(postfix_dir, "maillog"), errors="replace").read()[-3000:]
    fail(what, log)


def received(program):
    listed = json.loads(redress("mail", "list", "--format", "json").stdout)
    return any(m.get("subject", "").endswith(f"({program})") for m in listed)


postfix("start")
try:
    for address, program in (("complaints@hr.example.org", "postfix alias"), ("pipe@hr.example.org", "postfix pipe")):
        send(address, message(reference, program))
        until(f"{program}: delivered within 30 seconds", lambda: received(program) and not queued())
        landed(reference, program)

    # The database stopped: Postfix keeps the message in its queue (exit 75 is "try again
    # later") and delivers it once the database is back.
    set_database(running=False)
    for address, program in (
        ("complaints@hr.example.org", "postfix alias retried"),
        ("pipe@hr.example.org", "postfix pipe retried"),
    ):
        send(address, message(reference, program))
    until("Postfix, database stopped: both messages deferred", lambda: len([
        q for q in queued() if any("try again" in (r.get("delay_reason") or "") for r in q.get("recipients", []))
    ]) == 2)
    ok("Postfix, database stopped: the alias and the pipe leave both messages in the queue, deferred")
    set_database(running=True)
    subprocess.run(["postqueue", "-c", postfix_conf, "-f"], check=True, timeout=30)
    for program in ("postfix alias retried", "postfix pipe retried"):
        until(f"{program}: delivered after the restart", lambda: received(program) and not queued())
        landed(reference, program)
finally:
    subprocess.run(["postfix", "-c", postfix_conf, "stop"], capture_output=True, timeout=60)

# MARK: procmail

home = os.path.join(work, "home")
os.makedirs(home, exist_ok=True)
rc = os.path.join(home, ".procmailrc")
with open(rc, "w") as file:
    file.write(snippet(":0 w"))
mail_env = {"PATH": "/usr/bin:/bin", "HOME": home, "LOGNAME": getpass.getuser()}
result = run("procmail", ["procmail", "-m", rc], stdin=message(reference, "procmail"), env=mail_env)
if result.returncode != 0:
    fail("procmail: exit 0", result.stdout.decode() + result.stderr.decode())
landed(reference, "procmail")

# MARK: fetchmail and getmail, from the POP3 server


def fetchmail():
    config = snippet("poll ")
    config = re.sub(r"poll \S+", f"poll 127.0.0.1 service {pop3_port}", config, count=1)
    config = config.replace('password "…"', f'password "{password}"')
    # The loopback server speaks no TLS: `sslproto ''` lets fetchmail poll it in the clear.
    config = re.sub(r"\s+ssl\b", " sslproto ''", config)
    rc = os.path.join(home, ".fetchmailrc")
    with open(rc, "w") as file:
        file.write(config)
    os.chmod(rc, 0o600)
    return run(
        "fetchmail",
        ["fetchmail", "-f", rc, "--nosyslog", "--pidfile", os.path.join(home, "fetchmail.pid"), "--nodetach"],
        env=mail_env,
    )


def getmail():
    config = snippet("MDA_external")
    config = (
        f"[retriever]\ntype = SimplePOP3Retriever\nserver = 127.0.0.1\nport = {pop3_port}\n"
        f"username = complaints\npassword = {password}\n\n"
        + config
        # The test machine may run as root, where getmail runs commands only when told to.
        + ("\nallow_root_commands = true\n" if os.geteuid() == 0 else "")
        + "\n[options]\ndelete = true\nread_all = false\n"
    )
    folder = os.path.join(home, ".getmail")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "getmailrc"), "w") as file:
        file.write(config)
    return run("getmail", ["getmail", "--getmaildir", folder, "--rcfile", "getmailrc", "--quiet"], env=mail_env)


for program, fetch in (("fetchmail", fetchmail), ("getmail", getmail)):
    uid = mailbox.add(message(reference, program), program)
    mailbox.serving = program
    result = fetch()
    if result.returncode != 0:
        fail(f"{program}: exit 0", result.stdout.decode() + result.stderr.decode())
    if uid in mailbox.messages:
        fail(f"{program}: deletes the delivered message from the server")
    landed(reference, program)

# MARK: The database stopped: each keeps the message, and files it once after the restart

stopped = {program: message(reference, program + " retried") for program in ("procmail", "fetchmail", "getmail")}
set_database(running=False)
result = run("procmail", ["procmail", "-m", rc], stdin=stopped["procmail"], env=mail_env)
if result.returncode != 75:
    fail("procmail, database stopped: exit 75", f"exit {result.returncode}\n" + result.stderr.decode())
ok("procmail, database stopped: exit 75 (the mail system keeps the message and tries again)")
kept = {}
for program, fetch in (("fetchmail", fetchmail), ("getmail", getmail)):
    kept[program] = mailbox.add(stopped[program], program)
    mailbox.serving = program
    result = fetch()
    if kept[program] not in mailbox.messages:
        fail(f"{program}, database stopped: the message stays on the server", result.stderr.decode())
    said = (result.stdout + result.stderr).decode(errors="replace")
    if "the mail system will try again" not in said:
        fail(f"{program}, database stopped: redress mail receive ran and asked for a retry", said)
    ok(f"{program}, database stopped: the message stays on the server (exit {result.returncode})")
set_database(running=True)
result = run("procmail", ["procmail", "-m", rc], stdin=stopped["procmail"], env=mail_env)
if result.returncode != 0:
    fail("procmail, after the restart: exit 0", result.stderr.decode())
landed(reference, "procmail retried")
for program, fetch in (("fetchmail", fetchmail), ("getmail", getmail)):
    mailbox.serving = program
    result = fetch()
    if result.returncode != 0 or kept[program] in mailbox.messages:
        fail(f"{program}, after the restart: delivered and deleted", result.stdout.decode() + result.stderr.decode())
    landed(reference, program + " retried")

print(f"check-mail: {checks} checks passed")

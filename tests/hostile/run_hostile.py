#!/usr/bin/env python3
"""Hostile inputs for the scrqm command line, made at test time by
make_inputs.py. Each case must end:

- with its exit status and, when it fails, exactly one line on stderr that
  says what is wrong (matched by a pattern), never a crash or a hang;
- within its time budget (wall clock) and memory budget (largest resident
  set of scrqm and its office);
- leaving no process (no office), no file in its temporary directory and no
  LibreOffice pipe socket (/tmp/OSL_PIPE_*) behind;
- with every input file as it was (SHA-256 before and after);
- without a network request: a local HTTP listener, which the documents'
  linked images and sections point at, records every connection.

   run_hostile.py --scrqm build/scrqm              every case
   run_hostile.py --scrqm build/scrqm --no-office  the cases that need no LibreOffice
   run_hostile.py --scrqm build/scrqm --only NAME  one case (or a prefix)

Run with Debian's /usr/bin/python3 (the office cases need no UNO module;
the macro API cases are in test_macro_api.py)."""
import argparse
import glob
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_inputs as mk  # noqa: E402
import disguise_cases  # noqa: E402
import hidden_cases  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
UID = os.getuid()
TEXT_BUDGET = (15, 400)     # seconds, MB: the command line alone
SANITIZED_SCALE = (1, 1)  # (time, memory) factors; --sanitized sets them
OFFICE_BUDGET = (90, 2000)  # with its private LibreOffice


class Listener:
    """A local HTTP server that records every connection and answers 404."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.url = "http://127.0.0.1:%d" % self.port
        self.requests = []
        self.lock = threading.Lock()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(2)
            try:
                line = conn.recv(4096).split(b"\r\n", 1)[0].decode("latin-1")
            except OSError:
                line = "(connected, sent nothing)"
            with self.lock:
                self.requests.append(line)
            try:
                conn.sendall(b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n")
            except OSError:
                pass
            conn.close()

    def take(self):
        with self.lock:
            out, self.requests = self.requests, []
        return out


def sha(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def snapshot(paths):
    """Regular files' hashes; other files' kind (a FIFO must stay a FIFO)."""
    out = {}
    for p in paths:
        try:
            st = os.lstat(p)
        except FileNotFoundError:
            out[p] = None
            continue
        if os.path.islink(p):
            out[p] = "link -> " + os.readlink(p)
        elif os.path.isfile(p) and st.st_size < (8 << 20):
            out[p] = sha(p)
        else:
            out[p] = "mode %o size %d mtime %d" % (st.st_mode, st.st_size, st.st_mtime_ns)
    return out


def offices(marker):
    out = subprocess.run(["pgrep", "-af", "soffice"], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if marker in line]


def single_instance_pipe(profile_dir):
    """LibreOffice's instance pipe for a profile: SingleOfficeIPC_ and the
    MD5 of the profile's URL in UTF-16LE, each byte in hex without padding
    (desktop/source/app/officeipcthread.cxx)."""
    url = "file://" + os.path.join(os.path.realpath(profile_dir), "profile")
    digest = hashlib.md5(url.encode("utf-16-le")).digest()
    return "/tmp/OSL_PIPE_%d_SingleOfficeIPC_%s" % (UID, "".join("%x" % b for b in digest))


class Run:
    """scrqm run once, watched: its session directories (to name their
    pipes), its resident memory, its time."""

    def __init__(self, scrqm, args, env, cwd, stdout=None, timeout=60, after=None):
        self.dirs = set()
        out = stdout if stdout is not None else subprocess.PIPE
        start = time.monotonic()
        self.started = time.time()
        # No terminal on stdin: a sealed register is never asked for.
        self.proc = subprocess.Popen([scrqm] + args, cwd=cwd, env=env, stdout=out,
                                     stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        self.pid = self.proc.pid
        watch_dirs = [env["TMPDIR"], os.path.join(env["XDG_CACHE_HOME"], "scrqm")]
        done = threading.Event()

        def watch():
            while not done.is_set():
                for d in watch_dirs:
                    for p in glob.glob(os.path.join(d, "scrqm-*")) + \
                            glob.glob(os.path.join(d, ".build-*")):
                        self.dirs.add(p)
                time.sleep(0.01)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        if after:
            after(self)
        self.timed_out = False
        try:
            self.stdout, self.stderr = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.timed_out = True
            self.proc.kill()
            self.stdout, self.stderr = self.proc.communicate()
        self.seconds = time.monotonic() - start
        done.set()
        watcher.join()
        self.code = self.proc.returncode
        self.stdout = (self.stdout or b"").decode("utf-8", "replace")
        self.stderr = self.stderr.decode("utf-8", "replace")

    def pipes(self):
        """The pipe sockets this run's offices made. The --accept pipe is
        named with scrqm's pid, which an earlier process may have had: only
        sockets made since this run started count."""
        def since_start(path):
            try:
                return os.lstat(path).st_ctime >= self.started - 1
            except FileNotFoundError:
                return False
        return [single_instance_pipe(d) for d in self.dirs] + \
            [x for x in glob.glob("/tmp/OSL_PIPE_%d_scrqm_%d_*" % (UID, self.pid))
             if since_start(x)]


def maxrss_mb():
    import resource
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0


class Case:
    def __init__(self, name, args, code, stderr=None, office=False, setup=None, stdout_to=None,
                 budget=None, inputs=None, after=None, check=None):
        self.name, self.args, self.code, self.stderr = name, args, code, stderr
        self.office, self.setup, self.stdout_to = office, setup, stdout_to
        self.budget = budget or (OFFICE_BUDGET if office else TEXT_BUDGET)
        self.inputs, self.after, self.check = inputs, after, check


def cases(d, url):
    """The cases. `d` is the directory of inputs, made by each case's setup."""
    p = lambda name: os.path.join(d, name)  # noqa: E731
    report = lambda: mk.report_text(p("report.txt"))  # noqa: E731
    one_line = r"^scrqm: [^\n]+\n$"
    c = []
    add = c.append

    # Crashes: JSON nested deeper than Boost.PropertyTree can recurse.
    for kind, opener, depth in (("array", "[", 200000), ("object", '{"a":', 100000)):
        add(Case("deep-json-register-" + kind, ["check", "--register", p("r.json"), p("report.txt")],
                 2, r"^scrqm: .*r\.json: line 1: not valid JSON for scrqm: nested more than 64 "
                    r"levels deep\n$",
                 setup=lambda o=opener, n=depth: (mk.deep_json(p("r.json"), n, o), report())))
    add(Case("deep-json-profile", ["check", "--checks", "structure", "--profile", p("deep.json"),
                                   p("report.txt")],
             2, r"^scrqm: .*deep\.json: line 1: not valid JSON for scrqm: nested more than 64 "
                r"levels deep\n$",
             setup=lambda: (mk.deep_json(p("deep.json"), 100000, '{"a":'), report())))

    # Hangs: what is not a regular file is refused at once, never opened.
    for what, option in (("document", None), ("register", "--register"),
                         ("allow-file", "--allow-file"), ("deny-file", "--deny-file"),
                         ("profile", "--profile")):
        for kind, make, says in (
                ("fifo", mk.fifo, "is a named pipe \\(FIFO\\)"),
                ("dev-zero", lambda q: mk.link(q, "/dev/zero"), "is a device"),
                ("dev-urandom", lambda q: mk.link(q, "/dev/urandom"), "is a device"),
                ("directory", os.mkdir, "is a directory"),
                ("socket", mk.unix_socket, "is a socket")):
            name = "x.json" if what == "profile" else ("x.txt" if what == "document" else "x.csv")
            args = ["check", p(name)] if option is None else \
                ["check", option, p(name), p("report.txt")]
            add(Case("%s-%s" % (kind, what), args, 2,
                     r"^scrqm: .*x\.(txt|csv|json): %s, not [^\n]+\n$" % says,
                     setup=lambda m=make, n=name: (m(p(n)), report())))
    # An office document that is a FIFO or a device: refused before an office starts.
    for ext in ("docx", "odt"):
        add(Case("fifo-document-" + ext, ["check", p("x." + ext)], 2,
                 r"^scrqm: .*x\.%s: is a named pipe \(FIFO\), not a document; scrqm reads regular "
                 r"files only\n$" % ext, setup=lambda e=ext: mk.fifo(p("x." + e)),
                 check=lambda r: ["an office was started"] if r.dirs else []))
    add(Case("dev-zero-docx", ["outline", p("z.docx")], 2,
             r"^scrqm: .*z\.docx: is a device, not a document", setup=lambda: mk.link(
                 p("z.docx"), "/dev/zero")))

    # Bounds: past them, one clear line (sparse files: no disk used).
    add(Case("huge-register", ["check", "--register", p("r.csv"), p("report.txt")], 2,
             r"^scrqm: .*r\.csv: too large for a case register \(64 MB; the limit is 16 MB\)\n$",
             setup=lambda: (mk.sparse(p("r.csv"), 64 << 20, b"real,pseudonym\n"), report())))
    add(Case("huge-allow-file", ["check", "--allow-file", p("a.txt"), p("report.txt")], 2,
             r"^scrqm: .*a\.txt: too large for a list of terms \(8 MB; the limit is 4 MB\)\n$",
             setup=lambda: (mk.sparse(p("a.txt"), 8 << 20, b"Liam\n"), report())))
    add(Case("huge-text", ["check", p("big.txt")], 2,
             r"^scrqm: .*big\.txt: too large for a document \(300 MB; the limit is 256 MB\)\n$",
             setup=lambda: mk.sparse(p("big.txt"), 300 << 20, b"1. Introduction\n")))
    add(Case("huge-docx", ["check", p("big.docx")], 2,
             r"^scrqm: .*big\.docx: too large for a document \(600 MB; the limit is 512 MB\)\n$",
             setup=lambda: mk.sparse(p("big.docx"), 600 << 20, b"PK\x03\x04")))

    # Registers read strictly: what is not a register is one line; a
    # semicolon, tab, UTF-16 or swapped-header register is read by its names.
    reg_body = "Liam Carter,Child A,name\n"
    strict = (
        ("png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + b"\0" * 40, 2,
         r"^scrqm: .*r\.csv: a PNG image, not a case register \(CSV or JSON text\)\n$"),
        ("empty", b"", 2, r"^scrqm: .*r\.csv: empty: a case register has a header line"),
        ("latin1", b"real,pseudonym\nLiam Carter,Child A\nZo\xeb Smith,Child B\n", 2,
         r"^scrqm: .*r\.csv: line 3: not UTF-8 \(Latin-1 or Windows-1252\?\): save the "
         r"register as UTF-8\n$"),
        ("no-header", reg_body.encode(), 2, r"^scrqm: .*r\.csv: line 1: a CSV register starts "
         r"with a header naming its columns"),
        ("bad-lines", b"real,pseudonym\nLiam Carter,Child A\nKelly\n,Mother\n", 2,
         r"^scrqm: .*r\.csv: 2 lines rejected, nothing used: line 3: 1 cells, the header has 2; "
         r"line 4: no real identifier\n$"),
        ("utf16-bom-nul", "real,pseudonym\n".encode("utf-16-le"), 2,
         r"^scrqm: .*r\.csv: line 1: a NUL byte"),
        ("semicolon", b"real;pseudonym;kind\nLiam Carter;Child A;name\n", 1, r"^$"),
        ("tab", b"real\tpseudonym\nLiam Carter\tChild A\n", 1, r"^$"),
        ("swapped", b"pseudonym,real\nChild A,Liam Carter\n", 1, r"^$"),
        ("utf16le", "real,pseudonym\nLiam Carter,Child A\n".encode("utf-16"), 1, r"^$"),
        ("utf8-bom", b"\xef\xbb\xbfreal,pseudonym\nLiam Carter,Child A\n", 1, r"^$"),
    )

    def registered(r):
        """A register that was read must find Liam Carter in the report, as
        registered (the name detectors would find him anyway)."""
        if r.code != 1 or re.search(r"anonymisation\.register +\"Liam Carter\"", r.stdout):
            return []
        return ["Liam Carter not found as registered: %r" % r.stdout[-300:]]

    def reg_report():
        mk.text(p("report.txt"), "1. Introduction\nLiam Carter was seen at school.\n")

    for kind, data, code, says in strict:
        add(Case("register-" + kind, ["check", "--checks", "anonymisation", "--register",
                                      p("r.csv"), p("report.txt")], code, says,
                 setup=lambda b=data: (mk.raw(p("r.csv"), b), reg_report()), check=registered))
    # A sealed register (scrqm seal): found with its passphrase, locked
    # without one (one note, the rest checked), a wrong one is one line.
    sealed_args = ["check", "--checks", "anonymisation", "--register", p("sealed.json")]

    def seal():
        reg_report()
        mk.text(p("pass.txt"), "hostile case passphrase\n")
        mk.text(p("wrong.txt"), "not the passphrase\n")
        mk.text(p("r.csv"), "real,pseudonym\n" + reg_body.replace(",name", ""))
        subprocess.run([SCRQM[0], "seal", "--passphrase-file", p("pass.txt"), "-o",
                        p("sealed.json"), p("r.csv")], check=True, stdout=subprocess.DEVNULL,
                       stdin=subprocess.DEVNULL)
        os.remove(p("r.csv"))

    add(Case("sealed-register-open", sealed_args + ["--passphrase-file", p("pass.txt"),
                                                   p("report.txt")], 1, r"^$", setup=seal,
             check=registered))
    add(Case("sealed-register-locked", sealed_args + [p("report.txt")], None,
             r"^scrqm: note: the case register given is locked: its identifiers were not looked "
             r"for \(give its passphrase\)\n$", setup=seal))
    add(Case("sealed-register-wrong", sealed_args + ["--passphrase-file", p("wrong.txt"),
                                                    p("report.txt")], 2,
             r"^scrqm: .*sealed\.json: wrong passphrase for this case register \(or the file was "
             r"changed\)\n$", setup=seal))
    add(Case("sealed-register-passphrase-fifo", sealed_args + ["--passphrase-file", p("f"),
                                                              p("report.txt")], 2,
             r"^scrqm: .*f: is a named pipe \(FIFO\), not a passphrase file",
             setup=lambda: (seal(), mk.fifo(p("f")))))
    add(Case("sealed-register-passphrase-huge", sealed_args + ["--passphrase-file", p("big"),
                                                              p("report.txt")], 2,
             r"^scrqm: .*big: too large for a passphrase file",
             setup=lambda: (seal(), mk.sparse(p("big"), 1 << 20, b"x"))))
    # Comment and tracked-change authors are masked in the masked JSON.
    add(Case("authors-masked-json", ["check", "--format", "json", p("authors.odt")], None, r"^$",
             office=True, setup=lambda: mk.odt_authors(p("authors.odt")),
             check=lambda r: ["an author in clear: " + n for n in mk.AUTHORS if n in r.stdout] +
             ([] if "[author 1]" in r.stdout else ["no [author 1] label"])))

    # Wrong answers: nothing to check is not "Ready to publish".
    add(Case("empty-txt", ["check", p("empty.txt")], 2,
             r"^scrqm: .*empty\.txt: the document is empty \(0 bytes\); there is nothing to "
             r"check\n$", setup=lambda: mk.text(p("empty.txt"), "")))
    add(Case("blank-md-html", ["check", "--format", "html", p("blank.md")], 2,
             r"^scrqm: .*blank\.md: the document is empty \(no text\); there is nothing to "
             r"check\n$", setup=lambda: mk.text(p("blank.md"), "  \n\t\n\n")))

    # Data loss: --output naming an input, however written.
    for how, out in (("same", "report.txt"), ("dot", "./report.txt"), ("symlink", "link.html"),
                     ("hardlink", "hard.html"), ("register", "reg.csv")):
        def setup_output():
            report()
            mk.text(p("reg.csv"), "real,pseudonym\nLiam Carter,Child A\n")
            mk.link(p("link.html"), "report.txt")
            os.link(p("report.txt"), p("hard.html"))
        add(Case("output-is-input-" + how, ["check", "--format", "html", "--register", "reg.csv",
                                            "--output", out, "report.txt"], 2,
                 r"^scrqm: --output \S+ is the input file \S+; write the output to another file "
                 r"\(the input is left as it is\)\n$", setup=setup_output))
    add(Case("output-is-input-office", ["check", "--format", "json", "-o", p("l.docx"),
                                        p("l.docx")], 2,
             r"^scrqm: --output .* is the input file .*l\.docx", office=True,
             setup=lambda: mk.docx_linked_image(p("l.docx"), url),
             check=lambda r: ["an office was started"] if r.dirs else []))

    # A full disk: the output is lost, and that is said.
    add(Case("stdout-full", ["check", p("report.txt")], 2,
             r"^scrqm: cannot write the output: No space left on device\n$",
             setup=report, stdout_to="/dev/full"))
    add(Case("output-full", ["check", "--format", "html", "-o", "/dev/full", p("report.txt")], 2,
             r"^scrqm: cannot write /dev/full: No space left on device\n$", setup=report))

    # Unclear words: a usage error is one line.
    add(Case("usage-unknown-option", ["check", "--frobnicate", p("report.txt")], 2,
             r"^scrqm: unknown option --frobnicate \(see scrqm --help\)\n$", setup=report))
    add(Case("usage-dash-file", ["check", "-x.txt"], 2,
             r"^scrqm: unknown option -x\.txt; a file whose name starts with - goes after -- "
             r"\(see scrqm --help\)\n$", setup=lambda: mk.report_text(p("-x.txt"))))
    add(Case("dash-file-after-dashes", ["check", "--", "-x.txt"], None, r"^$",
             setup=lambda: mk.report_text(p("-x.txt"))))
    add(Case("misnamed-odt-as-docx", ["outline", p("x.docx")], 2,
             r"^scrqm: .*x\.docx: not what its name says \(LibreOffice read it as an OpenDocument "
             r"text, not a Word \.docx document\)", office=True,
             setup=lambda: shutil.copy(os.path.join(ROOT, "tests/fixtures/report/clean.odt"),
                                       p("x.docx"))))

    # Nothing may leave the machine: linked images and sections are not fetched.
    for command in ("check", "outline", "coverage"):
        for kind, make in (("docx", mk.docx_linked_image), ("odt", mk.odt_linked)):
            add(Case("no-fetch-%s-%s" % (command, kind), [command, p("linked." + kind)], None,
                     r"^$", office=True,
                     setup=lambda m=make, k=kind: m(p("linked." + k), url)))
    add(Case("no-fetch-html-report", ["check", "--format", "html", "-o", p("out.html"),
                                      p("linked.docx")], None, r"^$", office=True,
             setup=lambda: mk.docx_linked_image(p("linked.docx"), url),
             check=lambda r: [] if os.path.exists(p("out.html")) else ["no report written"]))
    add(Case("no-fetch-template-from", ["template", "board-response", "--from", p("linked.docx"),
                                        "-o", p("response.odt")], 0, r"^$", office=True,
             setup=lambda: mk.docx_linked_image(p("linked.docx"), url)))

    # Identifiers in disguise, and the bounds of a long line.
    c += disguise_cases.cases(d, url, Case)
    # Identifiers in hidden places, 10,000 comments, zip bombs that lie.
    c += hidden_cases.cases(d, url, Case)
    return c


def run_case(scrqm, case, work, listener, cache):
    """Runs one case in a fresh directory; returns its problems."""
    d = os.path.join(work, case.name)
    tmp = os.path.join(work, case.name + ".tmp")
    os.makedirs(d)
    os.makedirs(tmp)
    made = {c.name: c for c in cases(d, listener.url)}[case.name]
    if made.setup:
        made.setup()
    inputs = [os.path.join(d, f) for f in os.listdir(d)]
    before = snapshot(inputs)
    env = dict(os.environ, TMPDIR=tmp, XDG_CACHE_HOME=cache, LC_ALL="C.UTF-8")
    env.pop("SCRQM_DATA_DIR", None)
    listener.take()
    stdout = open(made.stdout_to, "wb") if made.stdout_to else None
    seconds, mb = made.budget
    # A sanitizer build (Debug, ASan/UBSan) runs several times slower and
    # keeps shadow memory: the budgets scale, the expected answers do not.
    seconds, mb = seconds * SANITIZED_SCALE[0], mb * SANITIZED_SCALE[1]
    rss_before = maxrss_mb()
    run = Run(scrqm, made.args, env, d, stdout=stdout, timeout=seconds, after=made.after)
    if stdout:
        stdout.close()
    rss = maxrss_mb()
    problems = []
    if run.timed_out:
        problems.append("no answer within %d s (killed)" % seconds)
    if made.code is not None and run.code != made.code:
        problems.append("exit %s, expected %d" % (run.code, made.code))
    if made.code is None and run.code not in (0, 1):
        problems.append("exit %s, expected 0 or 1" % run.code)
    if run.code is not None and run.code < 0:
        problems.append("killed by signal %d" % -run.code)
    if made.stderr is not None and not re.search(made.stderr, run.stderr):
        problems.append("stderr %r does not match %r" % (run.stderr, made.stderr))
    if run.code == 2 and run.stderr.count("\n") != 1:
        problems.append("stderr is not one line: %r" % run.stderr)
    if "writer8" in run.stderr or "internal error" in run.stderr:
        problems.append("stderr names internals: %r" % run.stderr)
    if rss > max(rss_before, 0) and rss > mb:
        problems.append("used %.0f MB of memory (budget %d MB)" % (rss, mb))
    problems += leftovers(run, tmp)
    after = snapshot(inputs)
    changed = [os.path.basename(k) for k in before if before[k] != after.get(k)]
    if changed:
        problems.append("inputs changed: %s" % changed)
    requests = listener.take()
    if requests:
        problems.append("network requests: %s" % requests)
    if made.check:
        problems += made.check(run)
    return problems, run


def leftovers(run, tmp):
    """Offices, files and pipe sockets left by a run (given a moment: a
    killed process finishes the system call it is in)."""
    deadline = time.time() + 5
    while (offices(tmp) or os.listdir(tmp)) and time.time() < deadline:
        time.sleep(0.1)
    problems = []
    if offices(tmp):
        problems.append("LibreOffice left running: %s" % offices(tmp))
    if os.listdir(tmp):
        problems.append("files left in TMPDIR: %s" % os.listdir(tmp))
    pipes = [x for x in run.pipes() if os.path.exists(x)]
    if pipes:
        problems.append("pipe sockets left: %s" % pipes)
    return problems


def signal_cases(scrqm, work, listener, cache, only):
    """SIGKILL: the office dies with scrqm, and the next run removes the
    profile and pipes left behind. SIGTERM: one line, nothing else."""
    results = []
    sample = os.path.join(ROOT, "addin/data/sample/sample-scr-report.docx")
    files = [sample] * 40

    def when_office_runs(run, tmp, delay):
        deadline = time.time() + 60
        while time.time() < deadline and run.proc.poll() is None:
            if any("soffice.bin" in line for line in offices(tmp)):
                time.sleep(delay)
                return True
            time.sleep(0.02)
        return False

    # When the first office is seen starting, or 0.3 s later (into the checks).
    for sig, name, delay in ((signal.SIGKILL, "sigkill-starting", 0),
                             (signal.SIGKILL, "sigkill", 0.3),
                             (signal.SIGTERM, "sigterm-starting", 0),
                             (signal.SIGTERM, "sigterm", 0.3), (signal.SIGINT, "sigint", 0.3)):
        if only and not name.startswith(only):
            continue
        tmp = os.path.join(work, name + ".tmp")
        os.makedirs(tmp)
        env = dict(os.environ, TMPDIR=tmp, XDG_CACHE_HOME=cache)
        seen = []

        def interrupt(run, sig=sig, tmp=tmp, delay=delay):
            if when_office_runs(run, tmp, delay):
                seen.append(True)
                run.proc.send_signal(sig)

        run = Run(scrqm, ["check", "--jobs", "2"] + files, env, ROOT, timeout=120,
                  after=interrupt)
        problems = []
        if not seen:
            problems.append("the office was not seen running (exit %s)" % run.code)
        elif sig == signal.SIGKILL:
            deadline = time.time() + 5
            while offices(tmp) and time.time() < deadline:
                time.sleep(0.1)
            if offices(tmp):
                problems.append("LibreOffice outlived a killed scrqm: %s" % offices(tmp))
            left = [x for x in run.pipes() if os.path.exists(x)]
            if not os.listdir(tmp):
                problems.append("nothing was left to clean (the test did not test)")
            # The next run with an office removes what the killed one left.
            linked = os.path.join(work, "next.docx")
            mk.docx_linked_image(linked, listener.url)
            nxt = Run(scrqm, ["outline", linked], env, ROOT, timeout=OFFICE_BUDGET[0])
            if nxt.code != 0:
                problems.append("the next run failed: exit %s %r" % (nxt.code, nxt.stderr))
            problems += leftovers(nxt, tmp)
            still = [x for x in left if os.path.exists(x)]
            if still:
                problems.append("the next run left the killed run's pipes: %s" % still)
        else:
            want = 128 + sig
            if run.code != want:
                problems.append("exit %s, expected %d" % (run.code, want))
            if run.stderr != "scrqm: interrupted; the office was stopped\n":
                problems.append("stderr is not the one line: %r" % run.stderr)
            problems += leftovers(run, tmp)
        if listener.take():
            problems.append("network requests")
        results.append((name, problems))
    return results


SCRQM = []  # the command line under test, for the cases' setup


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scrqm", required=True)
    ap.add_argument("--no-office", action="store_true", help="skip cases that need LibreOffice")
    ap.add_argument("--only", help="run the cases whose name starts with this")
    ap.add_argument("--sanitized", action="store_true",
                    help="the scrqm under test is an ASan/UBSan build: time budgets x8, memory x3")
    a = ap.parse_args()
    global SANITIZED_SCALE
    if a.sanitized:
        SANITIZED_SCALE = (8, 3)
    scrqm = os.path.abspath(a.scrqm)
    SCRQM.append(scrqm)
    listener = Listener()
    failures = 0
    work = tempfile.mkdtemp(prefix="scrqm-hostile-")
    cache = os.path.join(work, "cache")  # one profile template for the run
    try:
        for case in cases(work, listener.url):
            if a.only and not case.name.startswith(a.only):
                continue
            if a.no_office and case.office:
                continue
            problems, run = run_case(scrqm, case, work, listener, cache)
            status = "ok  " if not problems else "FAIL"
            print("%s %-34s exit %s  %5.2f s  %s" % (
                status, case.name, run.code, run.seconds,
                (run.stderr.strip().splitlines() or [""])[0][:110]))
            for p in problems:
                print("     - " + p)
            failures += bool(problems)
            sys.stdout.flush()
        if not a.no_office:
            for name, problems in signal_cases(scrqm, work, listener, cache, a.only):
                print("%s %s" % ("ok  " if not problems else "FAIL", name))
                for p in problems:
                    print("     - " + p)
                failures += bool(problems)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("%d failed" % failures if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

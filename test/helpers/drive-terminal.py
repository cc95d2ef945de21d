# Drives a command through a pseudo-terminal, as a person at a keyboard would, for the interactive CLI test.
# Usage: drive-terminal.py <script> -- <command…>
# <script> is pairs joined by \x1f: text to wait for on the screen, then the keys to type once it shows.
# Prints everything the command showed and exits with its exit code; gives up after 60 s of waiting.
import os, pty, select, sys, time

WAIT_SECONDS = 60
steps = sys.argv[1].split("\x1f")
command = sys.argv[sys.argv.index("--") + 1:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)

screen = b""

def read_some(timeout):
    global screen
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return True
    try:
        data = os.read(fd, 65536)
    except OSError:
        return False
    screen += data
    return bool(data)

seen = 0
for wait_for, keys in zip(steps[0::2], steps[1::2]):
    deadline = time.time() + WAIT_SECONDS
    while screen.find(wait_for.encode(), seen) < 0:
        if time.time() > deadline or not read_some(0.2):
            sys.stdout.write(screen.decode("utf8", "replace"))
            sys.stderr.write(f"gave up waiting for {wait_for!r}\n")
            os.kill(pid, 9)
            sys.exit(124)
    seen = screen.find(wait_for.encode(), seen) + len(wait_for)
    os.write(fd, keys.encode())

deadline = time.time() + WAIT_SECONDS
while time.time() < deadline and read_some(0.5):
    pass
_, status = os.waitpid(pid, 0)
sys.stdout.write(screen.decode("utf8", "replace"))
sys.exit(os.waitstatus_to_exitcode(status))

"""The console script's entry point: prepares the process, runs the command line, and leaves fast."""

import gc
import os
import sys


def main() -> int:
    # A run lasts a fraction of a second and leaves no garbage cycles worth collecting; without
    # the cycle collector, importing Typer and the rest starts about 3 ms sooner (bench/run.py).
    gc.disable()
    from paincompare.cli import main as run

    code = run()
    # The interpreter's orderly teardown of every module and object (Typer's included) takes
    # about 15 ms, longer than most of a run's own work (bench/run.py). Nothing is left to do at
    # exit once the output is flushed: files are written and renamed before this point, and no
    # exit handlers are ours. So flush and leave.
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (BrokenPipeError, OSError, ValueError):
            code = code or 1  # output could not be completed: never report success
    os._exit(code)

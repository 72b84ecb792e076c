"""The console script's entry point: prepares the process, then hands over to the command line."""

import gc


def main() -> int:
    # A run lasts a fraction of a second and leaves no garbage cycles worth collecting; without
    # the cycle collector, importing Typer and the rest starts about 3 ms sooner (bench/run.py).
    gc.disable()
    from paincompare.cli import main as run

    return run()

"""The command line: `main` runs the Typer app and maps every exception to one exit code and one line.

shared.py holds the app, its global options and what every command shares; catalogue_commands.py the
commands that show the catalogue (list, compare, show, sources, conditions, validate); check_command.py
the article check. COMMANDS below registers them all, in the order `--help` lists them.
"""

# No "from __future__ import annotations" here: Typer would then eval every annotation string
# on each run (measured: about 3 ms of start-up).
import os
import sys

import typer

from paincompare import output
from paincompare.cli import catalogue_commands, check_command
from paincompare.cli.shared import State, app
from paincompare.errors import ExitCode, PainCompareError
from paincompare.terminal import visible

# Every command, in the order --help lists them: the views of the catalogue, the article check, then
# validate for whoever edits a catalogue. Registered here in one place, not by the order of imports.
COMMANDS = (
    ("list", catalogue_commands.list_treatments),
    ("compare", catalogue_commands.compare),
    ("show", catalogue_commands.show),
    ("sources", catalogue_commands.sources),
    ("conditions", catalogue_commands.conditions),
    ("check", check_command.check),
    ("validate", catalogue_commands.validate),
)
for _name, _command in COMMANDS:
    app.command(_name)(_command)

# Global options a person may also type after the command (`paincompare list --no-color`);
# they are moved in front of it, where the command line expects them.
_GLOBAL_FLAGS = ("--no-color", "--no-pager", "--debug")
_GLOBAL_WITH_VALUE = ("--catalogue", "--region")
_SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def globals_first(args: list[str]) -> list[str]:
    """The arguments with global options moved before the command; nothing after '--' is touched."""
    command_at = next(
        (i for i, a in enumerate(args) if not a.startswith("-") and (i == 0 or args[i - 1] not in _GLOBAL_WITH_VALUE)),
        None,
    )
    if command_at is None:
        return args
    head, rest, moved = args[:command_at], [], []
    tail = args[command_at:]
    index = 0
    while index < len(tail):
        arg = tail[index]
        if arg == "--":
            rest += tail[index:]
            break
        if arg in _GLOBAL_FLAGS or arg.split("=", 1)[0] in _GLOBAL_WITH_VALUE and "=" in arg:
            moved.append(arg)
        elif arg in _GLOBAL_WITH_VALUE and index + 1 < len(tail):
            moved += [arg, tail[index + 1]]
            index += 1
        else:
            rest.append(arg)
        index += 1
    return head + moved + rest


def _completion_for_shell(args: list[str]) -> int | None:
    """`--show-completion zsh` and `--install-completion fish`: the named shell, not the one detected."""
    if len(args) != 2 or args[0] not in ("--show-completion", "--install-completion") or args[1] not in _SHELLS:
        return None
    from typer import _completion_shared as completion  # Typer's own scripts, for a shell it was told

    name, variable = "paincompare", "_PAINCOMPARE_COMPLETE"
    if args[0] == "--show-completion":
        typer.echo(completion.get_completion_script(prog_name=name, complete_var=variable, shell=args[1]))
    else:
        shell, path = completion.install(shell=args[1], prog_name=name, complete_var=variable)
        output.message(f"{shell} completion installed in {path}; it takes effect in a new shell.")
    return ExitCode.OK


def main(argv: list[str] | None = None) -> int:
    """Runs the app; returns the exit code instead of letting a traceback reach the person."""
    _tolerate_narrow_encodings()
    args = globals_first(list(sys.argv[1:] if argv is None else argv))
    try:
        shown = _completion_for_shell(args)
        if shown is not None:
            return shown
        app(args=args, prog_name="paincompare")
    except SystemExit as exc:
        return _exit_code(exc)
    except PainCompareError as exc:
        output.message(f"paincompare: error: {visible(str(exc))}")
        return exc.exit_code
    except KeyboardInterrupt:
        output.message("")
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return _broken_pipe()
    except Exception:  # noqa: BLE001 - the last line of defence: one line, not a traceback
        if State.debug or os.environ.get("PAINCOMPARE_DEBUG") or "--debug" in args:
            import traceback  # only ever needed here

            traceback.print_exc()
        else:
            output.message(
                "paincompare: internal error; run again with --debug and report the output "
                "as an issue in the paincompare repository."
            )
        return ExitCode.ERROR
    return ExitCode.OK


def _tolerate_narrow_encodings() -> None:
    # Under PYTHONIOENCODING=ascii or a legacy code page, a character the stream cannot encode
    # becomes '?' instead of a crash; certainty symbols already switch to ASCII (OutputEnv).
    for stream in (s for s in (sys.stdout, sys.stderr) if s is not None):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return ExitCode.OK
    return exc.code if isinstance(exc.code, int) else ExitCode.ERROR


def _broken_pipe() -> int:
    # The reader went away (`| head`); stop quietly, and point stdout at devnull so the
    # interpreter's final flush cannot raise again (Python docs, "Note on SIGPIPE").
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    return ExitCode.ERROR

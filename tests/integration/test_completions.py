"""The completions, loaded in the real shells (README.md, "Installing"): options with their
help, every short option (some, like -# and -:, are special characters in a
shell), -X methods, profile names from `dbcurl --list-profiles`, and API paths
from the endpoint catalog; loading a completion file prints nothing. Also
checks that the generated files in the repository (completions/,
docs/options.md) match the option table."""

import os
import shutil
import subprocess
import time
import unittest
import uuid

from harness import DBCURL, SandboxTest, help_rows

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
COMPLETIONS = os.path.join(ROOT, "completions")
DOCGEN = os.path.join(os.path.dirname(DBCURL), "dbcurl_docgen")


class CompletionTest(SandboxTest):
    def setUp(self):
        super().setUp()
        self.sandbox.env["PATH"] = os.path.dirname(os.path.abspath(DBCURL)) + ":" + os.environ.get("PATH", "")
        # acct: an account profile (issue 16), listed with the workspace profiles.
        self.sandbox.write(".databrickscfg", "[DEFAULT]\nhost = h\n[prod-east]\nhost = p\n[staging]\nhost = s\n"
                                             "[acct]\nhost = https://accounts.cloud.databricks.com\n"
                                             "account_id = 0d5c1e7a-1111-2222-3333-444455556666\n")

    def shell(self, argv, script):
        return subprocess.run(argv + [script], capture_output=True, text=True, env=self.sandbox.env, timeout=60,
                              cwd=ROOT)

    def short_options(self):
        """Every short option, as --help all lists them ("-#", "-:", "-0" …)."""
        shorts = {"-" + short for short in help_rows(self.dbcurl("--help", "all").out, group=1).values() if short}
        self.assertGreater(len(shorts), 40)
        self.assertLessEqual({"-#", "-:", "-0"}, shorts)
        return shorts


@unittest.skipUnless(os.path.exists("/usr/share/bash-completion/bash_completion"), "bash-completion not installed")
class Bash(CompletionTest):
    def test_loads_without_a_word_on_stderr(self):
        result = self.shell(["bash", "-c"], "source /usr/share/bash-completion/bash_completion\n"
                                            "source completions/dbcurl.bash")
        self.assertEqual((result.returncode, result.stderr), (0, ""))

    def test_every_short_option(self):
        self.assertLessEqual(self.short_options(), set(self.complete("dbcurl -")))

    def complete(self, line):
        script = f"""
source /usr/share/bash-completion/bash_completion
source completions/dbcurl.bash
COMP_LINE='{line}'
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))
COMP_POINT=${{#COMP_LINE}}
_dbcurl dbcurl "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
        result = self.shell(["bash", "-c"], script)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout.split()

    def test_option_names(self):
        self.assertEqual(self.complete("dbcurl --prof"), ["--profile"])
        self.assertIn("--paginate", self.complete("dbcurl --pag"))

    def test_profile_names(self):
        self.assertEqual(sorted(self.complete("dbcurl --profile ")), ["DEFAULT", "acct", "prod-east", "staging"])
        self.assertEqual(self.complete("dbcurl --profile pr"), ["prod-east"])
        self.assertEqual(self.complete("dbcurl --profile ac"), ["acct"])

    def test_methods_and_files(self):
        self.assertEqual(self.complete("dbcurl -X P"), ["POST", "PUT", "PATCH"])
        self.sandbox.write("body-data.json", "{}")
        self.assertIn(os.path.join(self.sandbox.home, "body-data.json"),
                      self.complete(f"dbcurl -o {self.sandbox.home}/body-d"))

    def test_api_paths(self):
        paths = self.complete("dbcurl /api/2.0/clus")
        self.assertIn("/api/2.0/clusters/list", paths)
        self.assertTrue(all(p.startswith("/api/2.0/clus") for p in paths))


@unittest.skipUnless(shutil.which("fish"), "fish not installed")
class Fish(CompletionTest):
    def complete(self, line):
        result = self.shell(["fish", "-c"], f"source completions/dbcurl.fish; complete -C '{line}'")
        self.assertEqual((result.returncode, result.stderr), (0, ""))
        return [entry.split("\t") for entry in result.stdout.splitlines()]

    def test_loads_without_a_word_on_stderr(self):
        result = self.shell(["fish", "-c"], "source completions/dbcurl.fish")
        self.assertEqual((result.returncode, result.stderr), (0, ""))

    def test_every_short_option(self):
        self.assertLessEqual(self.short_options(), {entry[0] for entry in self.complete("dbcurl -")})

    def test_options_with_help(self):
        self.assertIn(["--profile", "Databricks configuration profile to use"], self.complete("dbcurl --prof"))

    def test_profiles_methods_paths(self):
        self.assertEqual(sorted(e[0] for e in self.complete("dbcurl --profile ")), ["DEFAULT", "acct", "prod-east", "staging"])
        self.assertEqual(sorted(e[0] for e in self.complete("dbcurl -X P")), ["PATCH", "POST", "PUT"])
        self.assertIn("/api/2.0/clusters/list", [e[0] for e in self.complete("dbcurl /api/2.0/clus")])


@unittest.skipUnless(shutil.which("zsh") and shutil.which("tmux"), "zsh or tmux not installed")
class Zsh(CompletionTest):
    """zsh completes only interactively: a real zsh in tmux, keys sent, screen read.
    Each step waits for what its Tab puts on the screen, never for a fixed time."""

    def setUp(self):
        super().setUp()
        # A tmux server of its own (-L): sessions of the default server are
        # shared with every other run, and the server exits, taking a
        # starting session with it, when another run kills the last one.
        self.session = f"dbcurl-zsh-{uuid.uuid4().hex[:8]}"
        self.sandbox.write(".zshrc", f"fpath=({os.path.abspath(COMPLETIONS)} $fpath)\n"
                                     "autoload -U compinit && compinit -u\nPS1='%% '\n")
        env = " ".join(f"{k}='{v}'" for k, v in self.sandbox.env.items())
        self.tmux("new-session", "-d", "-s", self.session, "-x", "200", "-y", "50",
                  f"env -i {env} ZDOTDIR={self.sandbox.home} zsh -i")
        self.addCleanup(subprocess.run, ["tmux", "-L", self.session, "kill-server"], timeout=30)
        self.wait_for("%")  # the prompt; capture-pane trims its trailing blank

    def tmux(self, *args):
        return subprocess.run(["tmux", "-L", self.session, *args], check=True, capture_output=True, text=True,
                              timeout=30).stdout

    def screen(self):
        """The screen and everything scrolled off it."""
        return self.tmux("capture-pane", "-p", "-S", "-", "-t", self.session)

    def wait_for(self, text, seconds=20):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        self.fail(f"{text!r} never appeared on the screen:\n{self.screen()}")

    def keys(self, *keys):
        self.tmux("send-keys", "-t", self.session, *keys)

    def complete(self, line, shows):
        """Types line and one Tab (zsh lists ambiguous matches at once), then waits for shows."""
        self.keys("C-u", line, "Tab")
        return self.wait_for(shows)

    def assertNoCompletionErrors(self, screen):
        errors = [line for line in screen.splitlines() if line.startswith(("_dbcurl:", "_arguments:", "(eval):"))]
        self.assertEqual(errors, [])

    def test_loads_without_a_word_on_stderr(self):
        result = self.shell(["zsh", "-n"], os.path.join(COMPLETIONS, "_dbcurl"))
        self.assertEqual((result.returncode, result.stderr), (0, ""))

    def test_option_profile_method_path(self):
        self.complete("dbcurl --prof", shows="dbcurl --profile")
        self.complete("dbcurl --profile ", shows="prod-east")
        screen = self.complete("dbcurl -X ", shows="PATCH")
        self.assertIn("DELETE", screen)
        screen = self.complete("dbcurl /api/2.0/clusters/li", shows="/api/2.0/clusters/list")
        self.assertNoCompletionErrors(screen)

    def test_every_short_option(self):
        self.complete("dbcurl -", shows="do you wish to see all")
        self.keys("y")
        # zsh lists options sorted by long name, so --xattr's line comes last:
        # "--progress-bar    -#    -- Display transfer progress as a bar".
        screen = self.wait_for("--xattr")
        listed = {word for line in screen.splitlines() for word in line.split(" -- ")[0].split()}
        self.assertLessEqual(self.short_options(), listed)
        self.assertNoCompletionErrors(screen)


@unittest.skipUnless(os.path.exists(DOCGEN), "dbcurl_docgen not built")
class GeneratedFilesAreCurrent(unittest.TestCase):
    def test_repository_copies_match_the_option_table(self):
        for kind, path in (("bash", "completions/dbcurl.bash"), ("zsh", "completions/_dbcurl"),
                           ("fish", "completions/dbcurl.fish"), ("options-md", "docs/options.md")):
            with self.subTest(path=path):
                generated = subprocess.run([DOCGEN, kind], capture_output=True, text=True, check=True).stdout
                with open(os.path.join(ROOT, path)) as handle:
                    self.assertEqual(handle.read(), generated,
                                     f"{path} is stale: run cmake --build build --target update_generated")


if __name__ == "__main__":
    unittest.main()

"""A slice of the differential corpus under single-byte locales. <cctype>
follows the locale (tolower('I') is 0xFD in tr_TR.ISO-8859-9, 0xE9 is a letter
in de_DE.ISO-8859-1) and so do strtod and printf's decimal mark; protocol text
is ASCII, and curl reads and prints numbers in the C locale. The locales are
made with localedef into a private LOCPATH: no system locale is needed."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

from differential.test_differential import CorpusRunner, corpus_lines

LOCALES = ("tr_TR.ISO-8859-9", "de_DE.ISO-8859-1")
# The lines where case folding, character classes or numbers matter: header
# names, URL encoding, protocol lists, globs, fractional seconds, file names.
SLICE = re.compile(r"--data-urlencode|personal-access-token|--proto |%header\{|header_json|-O -J|--etag|\[a-|"
                   r"[0-9]\.[0-9]+ |-H \"?[A-Z]{4,}|\{e9\}")


def make_locales(directory):
    for name in LOCALES:
        source, charmap = name.split(".")
        subprocess.run(["localedef", "-i", source, "-f", charmap, os.path.join(directory, name)], check=True,
                       capture_output=True)


def locale_facts(env):
    """tolower('I') and isalnum(0xE9) in a child process run with env."""
    probe = ("import ctypes, ctypes.util; libc = ctypes.CDLL(ctypes.util.find_library('c'));"
             "libc.setlocale(6, b''); print(libc.tolower(ord('I')), libc.isalnum(0xE9) != 0)")
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True).stdout
    lowered, alnum = out.split()
    return int(lowered), alnum == "True"


class Locales(CorpusRunner, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.locpath = tempfile.mkdtemp(prefix="dbcurl-locales-")
        make_locales(cls.locpath)
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.locpath, ignore_errors=True)

    def locale_env(self, name):
        return {"LC_ALL": name, "LOCPATH": self.locpath}

    def test_the_locales_are_in_effect(self):
        # Without this, a locale that fails to load would leave the slice running in the C locale.
        env = {"PATH": os.environ["PATH"]}
        self.assertEqual(locale_facts({**env, **self.locale_env("tr_TR.ISO-8859-9")}), (0xFD, True))
        self.assertEqual(locale_facts({**env, **self.locale_env("de_DE.ISO-8859-1")}), (ord("i"), True))

    def test_corpus_slice(self):
        lines = [(number, line) for number, line in corpus_lines() if SLICE.search(line)]
        self.assertGreaterEqual(len(lines), 30)
        for name in LOCALES:
            for number, line in lines:
                with self.subTest(locale=name, line=number, command=line):
                    self.compare(line, self.locale_env(name))


if __name__ == "__main__":
    unittest.main()

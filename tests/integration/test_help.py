"""--help as curl 7.88's (the system curl is the reference): the summary
without a category, "all", "category" and each category, with the Databricks
options first; and every description in --help, the man page and
docs/options.md says what the option as named there does."""

import os
import re
import subprocess
import unittest

from harness import CURL, DBCURL, SandboxTest, help_rows as rows

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
DOCGEN = os.path.join(os.path.dirname(DBCURL), "dbcurl_docgen")
DATABRICKS_OPTIONS = {"--explain", "--list-api-paths", "--list-profiles", "--paginate", "--paginate-max", "--profile"}
# Options whose description adds, in parentheses, how dbcurl differs (docs/differences.md).
ANNOTATED = {"--egd-file", "--engine", "--metalink", "--no-npn", "--random-file", "--sslv2", "--sslv3"}


def curls_descriptions(test, described):
    """Each option's description is curl's (plus a parenthesized note for ANNOTATED)."""
    curls = rows(subprocess.run([CURL, "--help", "all"], capture_output=True, text=True, check=True).stdout)
    for name, description in described.items():
        if name in DATABRICKS_OPTIONS or name not in curls:
            continue
        with test.subTest(option=name):
            if name in ANNOTATED:
                test.assertTrue(description.startswith(curls[name] + " ("), description)
            else:
                test.assertEqual(description, curls[name])
    test.assertEqual(set(described) - DATABRICKS_OPTIONS - set(curls), set(), "named differently from curl")


class Help(SandboxTest):
    def both(self, *args):
        dbcurl, curl = self.dbcurl(*args), self.curl(*args)
        self.assertEqual((dbcurl.code, curl.code), (0, 0), dbcurl.err + curl.err)
        return dbcurl.out, curl.out

    def split_databricks_block(self, text):
        """(the Databricks block's lines, the rest) of a summary or --help all."""
        lines = text.splitlines(keepends=True)
        self.assertEqual(lines[0], "Usage: dbcurl [options...] <url>\n")
        self.assertTrue(lines[1].startswith("databricks: "), lines[1])
        end = lines.index("\n")
        return lines[1:end], "".join(lines[end + 1:])

    def test_summary_is_curls_after_the_databricks_options(self):
        dbcurl, curl = self.both("--help")
        block, rest = self.split_databricks_block(dbcurl)
        self.assertEqual(set(rows("".join(block))), DATABRICKS_OPTIONS)
        self.assertEqual(rest, curl.split("\n", 1)[1])

    def test_all_lists_every_option_databricks_first_with_curls_descriptions(self):
        dbcurl, curl = self.both("--help", "all")
        block, rest = self.split_databricks_block(dbcurl)
        self.assertEqual(set(rows("".join(block))), DATABRICKS_OPTIONS)
        ours = rows(rest)
        self.assertGreater(len(ours), 200)
        self.assertEqual(list(ours), [name for name in rows(curl) if name in ours], "not in curl's order")
        curls_descriptions(self, ours)
        curls_values = rows(curl, group=3)
        for name, value in rows(rest, group=3).items():
            self.assertEqual(value, curls_values[name], name)

    def test_category_list_is_curls_with_databricks_first(self):
        dbcurl, curl = self.both("--help", "category")
        usage, databricks, rest = dbcurl.split("\n", 2)
        self.assertEqual(usage, "Usage: dbcurl [options...] <url>")
        self.assertRegex(databricks, r"^ databricks  \S")
        self.assertEqual(rest, curl.split("\n", 1)[1])

    def test_each_category_has_curls_options_that_dbcurl_has(self):
        every = set(rows(self.dbcurl("--help", "all").out)) - DATABRICKS_OPTIONS
        for line in self.curl("--help", "category").out.splitlines()[1:]:
            category = line.split()[0]
            with self.subTest(category=category):
                dbcurl, curl = self.both("--help", category)
                self.assertEqual(dbcurl.splitlines()[1], curl.splitlines()[1])  # "http: HTTP and HTTPS ..."
                self.assertEqual(set(rows(dbcurl)), set(rows(curl)) & every)

    def test_databricks_category(self):
        out = self.dbcurl("--help", "databricks").out
        self.assertEqual(set(rows(out)), DATABRICKS_OPTIONS)

    def test_unknown_category_lists_the_categories(self):
        dbcurl, curl = self.both("--help", "nosuch")
        ours, curls = dbcurl.splitlines(), curl.splitlines()
        self.assertEqual(ours[1:3], curls[1:3])  # "Invalid category provided, ...", ""
        self.assertRegex(ours[3], r"^ databricks  \S")
        self.assertEqual(ours[4:], curls[3:])

    def test_help_ends_the_command_line_and_takes_the_next_word_as_category(self):
        # As curl: the word after --help is the category even when it looks
        # like an option, and nothing after it is read.
        for args, same_as in ((["--help", "HTTP"], ["--help", "http"]), (["--help", "all", "--bogus"], ["--help", "all"]),
                              (["-h", "-v"], ["--help", "nosuch"]), (["-v", "--help"], ["--help"])):
            with self.subTest(args=args):
                dbcurl, curl = self.both(*args)
                self.assertEqual(dbcurl, self.dbcurl(*same_as).out)
                self.assertEqual(curl, self.curl(*same_as).out)


def man_rows(page):
    """{option: description} of the man page's .TP entries."""
    found = {}
    lines = page.splitlines()
    for index, line in enumerate(lines[:-2]):
        if line != ".TP":
            continue
        names = re.findall(r"\\fB((?:\\-)+[a-z0-9.\\-]+)\\fR", lines[index + 1])
        if not names:
            continue  # a .TP of the page's own text, not an option
        found[names[-1].replace("\\-", "-")] = lines[index + 2].replace("\\-", "-").replace("\\e", "\\").rstrip(".")
    return found


def markdown_rows(text):
    found = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) == 6 and cells[1].startswith("`"):
            found[cells[1].split("`")[-2]] = cells[4]
    return found


@unittest.skipUnless(os.path.exists(DOCGEN), "dbcurl_docgen not built")
class GeneratedDescriptions(SandboxTest):
    """The man page and docs/options.md describe each option as curl does."""

    def test_man_page_and_options_md_have_curls_descriptions(self):
        help_rows = rows(self.dbcurl("--help", "all").out)
        with open(os.path.join(os.path.dirname(DBCURL), "generated", "dbcurl.1")) as handle:
            page = handle.read()
        markdown = subprocess.run([DOCGEN, "options-md"], capture_output=True, text=True, check=True).stdout
        for name, generated in (("man page", man_rows(page)), ("options.md", markdown_rows(markdown))):
            with self.subTest(document=name):
                self.assertEqual(set(generated), set(help_rows))
                curls_descriptions(self, generated)


if __name__ == "__main__":
    unittest.main()

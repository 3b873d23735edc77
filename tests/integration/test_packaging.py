"""Packages (README.md, "Installing"): the .deb and .rpm built by CPack carry the binary, the
man page and the three completions in each platform's usual place, with the
right dependencies; the .deb installs into a throwaway root and runs there."""

import os
import re
import shutil
import subprocess
import tempfile
import unittest

from harness import DBCURL

BUILD = os.path.dirname(os.path.abspath(DBCURL))
ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
EXPECTED_FILES = {
    "usr/bin/dbcurl",
    "usr/share/man/man1/dbcurl.1.gz",
    "usr/share/bash-completion/completions/dbcurl",
    "usr/share/zsh/vendor-completions/_dbcurl",
    "usr/share/fish/vendor_completions.d/dbcurl.fish",
    "usr/share/doc/dbcurl/copyright",
}


def sanitized_build():
    with open(os.path.join(BUILD, "CMakeCache.txt")) as cache:
        return "DBCURL_SANITIZE:BOOL=ON" in cache.read()


def run(*argv, **kwargs):
    return subprocess.run(list(argv), capture_output=True, text=True, timeout=300, **kwargs)


@unittest.skipUnless(shutil.which("cpack") and os.path.exists(os.path.join(BUILD, "CPackConfig.cmake")),
                     "not a CMake build directory with CPack")
class Packages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.out = tempfile.mkdtemp(prefix="dbcurl-pkg-")
        generators = "DEB;RPM" if shutil.which("rpmbuild") else "DEB"
        cls.cpack = run("cpack", "-G", generators, "-B", cls.out, cwd=BUILD)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.out, ignore_errors=True)

    def package(self, suffix):
        self.assertEqual(self.cpack.returncode, 0, self.cpack.stdout + self.cpack.stderr)
        found = [name for name in os.listdir(self.out) if name.endswith(suffix)]
        self.assertEqual(len(found), 1, found)
        return os.path.join(self.out, found[0])

    def test_deb_files_and_dependencies(self):
        deb = self.package(".deb")
        listing = run("dpkg-deb", "-c", deb).stdout
        files = {line.split()[-1].removeprefix("./") for line in listing.splitlines()}
        self.assertLessEqual(EXPECTED_FILES, files)
        depends = run("dpkg-deb", "-f", deb, "Depends").stdout
        self.assertIn("libcurl4", depends)
        # toml++ is used header-only and Boost.Process needs no Boost library;
        # release builds also link libstdc++ in (start-up cost, see bench/results.md).
        unlinked = ["libtomlplusplus", "libboost"] + ([] if sanitized_build() else ["libstdc++"])
        for library in unlinked:
            self.assertNotIn(library, depends)

    def test_deb_installs_into_a_throwaway_root_and_runs(self):
        deb = self.package(".deb")
        root = tempfile.mkdtemp(prefix="dbcurl-root-")
        self.addCleanup(shutil.rmtree, root, ignore_errors=True)
        self.assertEqual(run("dpkg", "-x", deb, root).returncode, 0)
        version = run(os.path.join(root, "usr/bin/dbcurl"), "--version")
        self.assertEqual(version.returncode, 0, version.stderr)
        self.assertTrue(version.stdout.startswith("dbcurl 0.1.0 libcurl/"))
        manual = run("man", "-l", os.path.join(root, "usr/share/man/man1/dbcurl.1.gz"),
                     env={**os.environ, "MANPAGER": "cat", "MANWIDTH": "80"})
        self.assertEqual(manual.returncode, 0, manual.stderr)
        self.assertIn("RESOLUTION ORDER", manual.stdout)
        self.assertIn("--profile", manual.stdout)
        self.assertEqual(self.complete_from_package(root, "dbcurl --prof"), ["--profile"])
        self.assertEqual(self.complete_from_package(root, "dbcurl --profile st"), ["staging"])

    @staticmethod
    def complete_from_package(root, line):
        """bash completion loaded from the package's own path, with its dbcurl first on PATH."""
        script = f"""
source /usr/share/bash-completion/bash_completion
source {root}/usr/share/bash-completion/completions/dbcurl
COMP_LINE='{line}'
read -ra COMP_WORDS <<< "$COMP_LINE"
COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))
COMP_POINT=${{#COMP_LINE}}
_dbcurl dbcurl "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
        home = tempfile.mkdtemp(prefix="dbcurl-home-")
        try:
            with open(os.path.join(home, ".databrickscfg"), "w") as config:
                config.write("[DEFAULT]\nhost = h\n[staging]\nhost = s\n")
            env = {"HOME": home, "PATH": os.path.join(root, "usr/bin") + ":/usr/bin:/bin"}
            result = run("bash", "-c", script, env=env)
        finally:
            shutil.rmtree(home, ignore_errors=True)
        if result.returncode != 0 or result.stderr:
            raise AssertionError(result.stderr)
        return result.stdout.split()

    @unittest.skipUnless(shutil.which("lintian"), "lintian not installed")
    def test_deb_is_lintian_clean_and_hardened(self):
        # -I shows the informational tags too, where the hardening tags are.
        result = run("lintian", "-I", self.package(".deb"))
        self.assertEqual(result.returncode, 0, result.stderr)
        tags = [line for line in result.stdout.splitlines() if line[:2] in ("E:", "W:") or "hardening-" in line]
        self.assertEqual(tags, [])

    @unittest.skipUnless(shutil.which("rpmbuild"), "rpmbuild not installed")
    def test_rpm_files_and_requirements(self):
        rpm = self.package(".rpm")
        files = {line.lstrip("/") for line in run("rpm", "-qpl", rpm).stdout.splitlines()}
        self.assertLessEqual(EXPECTED_FILES, files)
        requires = run("rpm", "-qpR", rpm).stdout
        self.assertIn("libcurl", requires)


class ManPage(unittest.TestCase):
    @unittest.skipUnless(shutil.which("groff"), "groff not installed")
    def test_renders_without_warnings(self):
        page = os.path.join(BUILD, "generated", "dbcurl.1")
        result = run("groff", "-ww", "-z", "-man", page)
        self.assertEqual((result.returncode, result.stderr), (0, ""))

    def test_title_line_has_the_release_date(self):
        with open(os.path.join(BUILD, "generated", "dbcurl.1")) as page:
            title = page.readline()
        self.assertRegex(title, r'^\.TH DBCURL 1 "\d{4}-\d{2}-\d{2}" "dbcurl \d+\.\d+\.\d+" ')

    @unittest.skipUnless(shutil.which("mandoc"), "mandoc not installed")
    def test_mandoc_lint_is_clean(self):
        result = run("mandoc", "-Tlint", "-Wstyle", os.path.join(BUILD, "generated", "dbcurl.1"))
        self.assertEqual((result.returncode, result.stdout + result.stderr), (0, ""))

    @unittest.skipUnless(shutil.which("man"), "man not installed")
    def test_man_warnings_are_clean(self):
        result = run("man", "--warnings", "-l", os.path.join(BUILD, "generated", "dbcurl.1"),
                     env={**os.environ, "MANPAGER": "cat", "MANWIDTH": "80"})
        self.assertEqual((result.returncode, result.stderr), (0, ""))


class CmakeInstall(unittest.TestCase):
    def test_destdir_and_prefix_are_honoured(self):
        root = tempfile.mkdtemp(prefix="dbcurl-destdir-")
        self.addCleanup(shutil.rmtree, root, ignore_errors=True)
        result = run("cmake", "--install", BUILD, "--prefix", "/opt/dbcurl", env={**os.environ, "DESTDIR": root})
        self.assertEqual(result.returncode, 0, result.stderr)
        for path in EXPECTED_FILES:
            self.assertTrue(os.path.exists(os.path.join(root, "opt/dbcurl", path.removeprefix("usr/"))), path)


class PackagingRecipes(unittest.TestCase):
    def test_pkgbuild_is_valid_bash(self):
        pkgbuild = os.path.join(os.path.dirname(__file__), "..", "..", "packaging", "arch", "PKGBUILD")
        self.assertEqual(run("bash", "-n", pkgbuild).returncode, 0)

    @unittest.skipUnless(shutil.which("ruby"), "ruby not installed")
    def test_homebrew_formula_is_valid_ruby(self):
        result = run("ruby", "-c", os.path.join(ROOT, "packaging", "homebrew", "dbcurl.rb"))
        self.assertEqual((result.returncode, result.stdout), (0, "Syntax OK\n"), result.stderr)

    def test_homebrew_formula_matches_the_cmake_build(self):
        with open(os.path.join(ROOT, "packaging", "homebrew", "dbcurl.rb")) as handle:
            formula = handle.read()
        with open(os.path.join(ROOT, "CMakeLists.txt")) as handle:
            cmake = handle.read()
        # Every -D it passes is an option of the build.
        for option in re.findall(r'"-D(\w+)=', formula):
            self.assertRegex(cmake, rf"option\({option} ", option)
        # Every library the build looks for is a dependency.
        brew_names = {"CURL": "curl", "tomlplusplus": "tomlplusplus", "Boost": "boost",
                      "nlohmann_json": "nlohmann-json", "OpenSSL": "openssl@3"}
        for package in re.findall(r"find_package\((\w+)", cmake):
            self.assertIn(f'depends_on "{brew_names[package]}"', formula, package)
        # Every file it moves is one that cmake --install puts there.
        root = tempfile.mkdtemp(prefix="dbcurl-brew-")
        self.addCleanup(shutil.rmtree, root, ignore_errors=True)
        installed = run("cmake", "--install", BUILD, "--prefix", root)
        self.assertEqual(installed.returncode, 0, installed.stderr)
        moved = re.findall(r'share/"([^"]+)"', formula)
        self.assertEqual(len(moved), 3, moved)  # the bash, zsh and fish completions
        for path in moved:
            self.assertTrue(os.path.isfile(os.path.join(root, "share", path)), path)


def build_set():
    """scripts/install-deps.sh's build packages (what the demo installs), read by bash from the script."""
    script = 'eval "$(sed -n "/^build_packages=(/,/^)/p" "$1")"; printf "%s\\n" "${build_packages[@]}"'
    return run("bash", "-c", script, "-", os.path.join(ROOT, "scripts", "install-deps.sh")).stdout.split()


def installed_closure(names):
    """The installed packages that installing `names` with --no-install-recommends brings (Pre-Depends and
    Depends, the first installed alternative, virtual names through Provides), plus the Essential ones."""
    query = run("dpkg-query", "-W", "-f", "${Package}\t${Status}\t${Essential}\t${Provides}\t${Pre-Depends}, ${Depends}\n")
    depends, providers, closure = {}, {}, set()
    for line in query.stdout.splitlines():
        package, status, essential, provides, relations = line.split("\t")
        if status != "install ok installed":
            continue
        depends[package] = [[choice.split()[0].split(":")[0] for choice in relation.split("|")]
                            for relation in relations.split(",") if relation.strip()]
        for virtual in provides.split(","):
            if virtual.strip():
                providers.setdefault(virtual.split()[0], []).append(package)
        if essential == "yes":
            closure.add(package)
    pending = list(names)
    while pending:
        name = pending.pop()
        package = name if name in depends else next(iter(providers.get(name, [])), None)
        if package is None or package in closure:
            continue
        closure.add(package)
        for relation in depends[package]:
            installed = [choice for choice in relation if choice in depends or choice in providers]
            pending.extend(installed[:1])
    return closure


@unittest.skipUnless(shutil.which("dpkg-query"), "not a dpkg system")
class DemoBuildSet(unittest.TestCase):
    def test_it_brings_every_tool_cpack_deb_looks_for(self):
        # The demo ends by offering `cpack -G DEB`: on a machine with only the build set, it must work.
        with open(os.path.join(BUILD, "CMakeCache.txt")) as cache:
            cmake_root = re.search(r"^CMAKE_ROOT:INTERNAL=(.*)$", cache.read(), re.M).group(1)
        with open(os.path.join(cmake_root, "Modules", "Internal", "CPack", "CPackDeb.cmake")) as handle:
            tools = set(re.findall(r"find_program\(\w+ (?:NAMES )?([\w.-]+)", handle.read()))
        self.assertIn("dpkg-shlibdeps", tools)
        closure = installed_closure(build_set())
        for tool in sorted(tools):
            with self.subTest(tool=tool):
                path = shutil.which(tool)
                self.assertIsNotNone(path, f"{tool} is not installed")
                owners = run("dpkg-query", "-S", path).stdout.split(":")[0].split(", ")
                self.assertTrue(closure.intersection(owners), f"{tool} ({', '.join(owners)}) is not in the build set")


if __name__ == "__main__":
    unittest.main()

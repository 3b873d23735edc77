# Homebrew formula: builds a release tarball with the project's CMake install rules.
class Dbcurl < Formula
  desc "Curl with Databricks authentication built in"
  homepage "https://github.com/dbcurl/dbcurl"
  url "https://github.com/dbcurl/dbcurl/archive/refs/tags/v0.1.0.tar.gz"
  sha256 "0000000000000000000000000000000000000000000000000000000000000000" # set at release
  license "MIT"

  depends_on "catch2" => :build
  depends_on "cmake" => :build
  depends_on "boost" => :build # Boost.Process is header-only
  depends_on "nlohmann-json" => :build
  depends_on "tomlplusplus" => :build # used header-only
  depends_on "curl"
  depends_on "openssl@3" # SHA-256 of token cache keys (libcrypto, which curl loads too)

  def install
    system "cmake", "-S", ".", "-B", "build", "-DDBCURL_TESTS=OFF", *std_cmake_args
    system "cmake", "--build", "build"
    system "cmake", "--install", "build"
    # Homebrew's usual places for completions (the CMake rules use Debian's).
    bash_completion.install share/"bash-completion/completions/dbcurl"
    zsh_completion.install share/"zsh/vendor-completions/_dbcurl"
    fish_completion.install share/"fish/vendor_completions.d/dbcurl.fish"
  end

  test do
    assert_match "dbcurl #{version}", shell_output("#{bin}/dbcurl --version")
    assert_match "no Databricks workspace configured",
                 shell_output("HOME=#{testpath} #{bin}/dbcurl /api/2.0/clusters/list 2>&1", 101)
  end
end

#pragma once
// What a run reads from and does to the world outside it: the files it reads
// whole, the environment, the helper commands it runs, where it prints and
// the secrets it must never print. main makes one per run and passes it to
// parse, creds and perform, as ninja passes its disk interface; unit tests
// build one from fakes (tests/unit/fake_io.hpp).

#include "common/command_runner.hpp"
#include "common/diagnostics.hpp"
#include "common/environment.hpp"
#include "common/files.hpp"
#include "common/redact.hpp"

namespace dbcurl {

// References to objects that outlive every stage given the Io; passed by value.
struct Io {
  const FileSystem& files;
  const Environment& env;
  CommandRunner& runner;
  const Diagnostics& diagnostics;
  SecretRegistry& secrets;
};

}  // namespace dbcurl

#include "cli/help_categories.hpp"

namespace dbcurl {

std::span<const HelpCategory> help_categories() {
  // curl 7.88's categories (curl --help category); each option row names its
  // own (option_table.cpp), and tests/integration/test_help.py compares them
  // with the system curl's.
  static constexpr HelpCategory kCategories[] = {
      {"auth", "Different types of authentication methods", help_category::kAuth},
      {"connection", "Low level networking operations", help_category::kConnection},
      {"curl", "The command line tool itself", help_category::kCurl},
      {"dns", "General DNS options", help_category::kDns},
      {"file", "FILE protocol options", help_category::kFile},
      {"ftp", "FTP protocol options", help_category::kFtp},
      {"http", "HTTP and HTTPS protocol options", help_category::kHttp},
      {"imap", "IMAP protocol options", help_category::kImap},
      {"misc", "Options that don't fit into any other category", help_category::kMisc},
      {"output", "Filesystem output", help_category::kOutput},
      {"pop3", "POP3 protocol options", help_category::kPop3},
      {"post", "HTTP Post specific options", help_category::kPost},
      {"proxy", "All options related to proxies", help_category::kProxy},
      {"scp", "SCP protocol options", help_category::kScp},
      {"sftp", "SFTP protocol options", help_category::kSftp},
      {"smtp", "SMTP protocol options", help_category::kSmtp},
      {"ssh", "SSH protocol options", help_category::kSsh},
      {"telnet", "TELNET protocol options", help_category::kTelnet},
      {"tftp", "TFTP protocol options", help_category::kTftp},
      {"tls", "All TLS/SSL related options", help_category::kTls},
      {"upload", "All options for uploads", help_category::kUpload},
      {"verbose", "Options related to any kind of command line output of curl", help_category::kVerbose},
  };
  return kCategories;
}

}  // namespace dbcurl

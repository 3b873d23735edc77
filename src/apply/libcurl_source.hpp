#pragma once
// --libcurl: the C program that makes the same libcurl calls, in curl's
// template. Records every curl_easy_setopt the apply stage makes.

#include <curl/curl.h>

#include <string>
#include <string_view>
#include <vector>

#include "cli/config.hpp"
#include "common/redact.hpp"

namespace dbcurl {

class LibcurlSource {
 public:
  // secrets: redacted from the values recorded; it must outlive the source.
  explicit LibcurlSource(const SecretRegistry& secrets) : secrets_(secrets) {}
  // One transfer's options start (curl writes one init/perform per transfer).
  void begin_transfer();
  void record_long(CURLoption option, long value);
  void record_offset(CURLoption option, curl_off_t value);
  void record_string(CURLoption option, const char* value);
  void record_bytes(CURLoption option, std::string_view data);
  void record_list(CURLoption option, const curl_slist* list);
  void record_pointer(CURLoption option, bool function);
  // -F: the program builds the same parts with curl_mime_* calls, as curl's does.
  void record_form(CURLoption option, const std::vector<FormPart>& parts);
  // A credential dbcurl resolved itself: the program reads it from the
  // environment instead of carrying it (docs/SECURITY.md: tokens never reach files).
  void record_from_environment(CURLoption option, std::string_view variable);

  std::string program() const;

 private:
  struct Line {
    std::size_t rank;  // where curl's tool sets the option: the program lists them in its order
    std::string text;
  };
  struct Transfer {
    std::vector<Line> setopts;
    std::vector<Line> pointers;  // options that cannot become source
  };
  static std::string option_name(CURLoption option);
  Transfer& current();
  void add(CURLoption option, const std::string& value, const std::string& code_before = {});
  std::string redacted_literal(std::string_view text) const;
  // A new slistN holding items (declared, filled before the transfers, freed at the end): its name.
  std::string declare_list(const std::vector<std::string>& items);
  // A new mimeN with parts, built by lines appended to code: its number.
  int declare_mime(const std::vector<FormPart>& parts, std::string& code);
  void add_mime_part(const FormPart& part, int mime, std::string& code);

  std::vector<Transfer> transfers_;
  // The program's variables, their set-up before the first transfer and their
  // clean-up after the last, in the order curl writes them: as they are made.
  std::vector<std::string> declarations_;
  std::vector<std::string> set_up_;
  std::vector<std::string> clean_up_;
  int list_count_ = 0;
  int mime_count_ = 0;
  bool reads_environment_ = false;  // getenv needs <stdlib.h>
  const SecretRegistry& secrets_;
};

// A C string literal for text, escaped as curl's --libcurl escapes it.
std::string c_string_literal(std::string_view text);

}  // namespace dbcurl

#pragma once
// --libcurl: the C program that makes the same libcurl calls, in curl's
// template. Records every curl_easy_setopt the apply stage makes.

#include <curl/curl.h>

#include <string>
#include <string_view>
#include <vector>

namespace dbcurl {

class LibcurlSource {
 public:
  // One transfer's options start (curl writes one init/perform per transfer).
  void begin_transfer();
  void record_long(CURLoption option, long value);
  void record_offset(CURLoption option, curl_off_t value);
  void record_string(CURLoption option, const char* value);
  void record_bytes(CURLoption option, std::string_view data);
  void record_list(CURLoption option, const curl_slist* list);
  void record_pointer(CURLoption option, bool function);
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
  void add(CURLoption option, const std::string& value);

  std::vector<Transfer> transfers_;
  std::vector<std::string> lists_;  // "slistN = curl_slist_append(slistN, ...);" blocks
  int list_count_ = 0;
  bool reads_environment_ = false;  // getenv needs <stdlib.h>
};

// A C string literal for text, escaped as curl's --libcurl escapes it.
std::string c_string_literal(std::string_view text);

}  // namespace dbcurl

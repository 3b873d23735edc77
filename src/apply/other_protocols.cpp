#include "apply/concerns.hpp"
#include "common/strings.hpp"

namespace dbcurl {

// FTP, SMTP, IMAP, POP3, SSH, TFTP and TELNET options, with curl's defaults.
Status apply_other_protocols(Setter& set, const TransferConfig& transfer, const std::string& url,
                             const Environment& env, AppliedTransfer& owned) {
  if (transfer.list_only) set(CURLOPT_DIRLISTONLY, 1L);
  if (transfer.ftp_append) set(CURLOPT_APPEND, 1L);
  if (transfer.use_ascii) set(CURLOPT_TRANSFERTEXT, 1L);
  if (transfer.login_options) set(CURLOPT_LOGIN_OPTIONS, transfer.login_options->c_str());
  if (transfer.ftp_port) set(CURLOPT_FTPPORT, transfer.ftp_port->c_str());
  if (transfer.crlf) set(CURLOPT_CRLF, 1L);
  // A list option, set only when the user gave it.
  bool out_of_memory = false;
  const auto set_list = [&](CURLoption option, const std::vector<std::string>& items) {
    if (items.empty()) return;
    HeaderList& list = *owned.other_lists.emplace_back(std::make_unique<HeaderList>());
    for (const auto& item : items) out_of_memory = !list.append(item) || out_of_memory;
    set(option, list.get());
  };
  set_list(CURLOPT_QUOTE, transfer.quote);
  set_list(CURLOPT_POSTQUOTE, transfer.postquote);
  set_list(CURLOPT_PREQUOTE, transfer.prequote);
  if (transfer.krb_level) set(CURLOPT_KRBLEVEL, transfer.krb_level->c_str());
  set_list(CURLOPT_TELNETOPTIONS, transfer.telnet_options);
  if (transfer.disable_epsv) set(CURLOPT_FTP_USE_EPSV, 0L);
  if (transfer.disable_eprt) set(CURLOPT_FTP_USE_EPRT, 0L);
  if (transfer.ftp_create_dirs) set(CURLOPT_FTP_CREATE_MISSING_DIRS, static_cast<long>(CURLFTP_CREATE_DIR_RETRY));
  if (transfer.ssl_required)
    set(CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  else if (transfer.ssl_try)
    set(CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  else if (transfer.ssl_control)
    set(CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_CONTROL));
  if (transfer.ftp_ssl_ccc_mode != 0) set(CURLOPT_FTP_SSL_CCC, transfer.ftp_ssl_ccc_mode);
  if (transfer.ftp_account) set(CURLOPT_FTP_ACCOUNT, transfer.ftp_account->c_str());
  // curl sets it on every transfer (on by default since 7.74), so --libcurl lists it.
  set(CURLOPT_FTP_SKIP_PASV_IP, transfer.ftp_skip_pasv_ip ? 1L : 0L);
  if (transfer.ftp_method != 0) set(CURLOPT_FTP_FILEMETHOD, transfer.ftp_method);
  if (transfer.ftp_alternative_to_user) set(CURLOPT_FTP_ALTERNATIVE_TO_USER, transfer.ftp_alternative_to_user->c_str());
  if (transfer.tftp_blksize != 0) set(CURLOPT_TFTP_BLKSIZE, transfer.tftp_blksize);
  if (transfer.mail_from) set(CURLOPT_MAIL_FROM, transfer.mail_from->c_str());
  set_list(CURLOPT_MAIL_RCPT, transfer.mail_recipients);
  if (transfer.mail_rcpt_allowfails) set(CURLOPT_MAIL_RCPT_ALLLOWFAILS, 1L);
  if (transfer.ftp_pret) set(CURLOPT_FTP_USE_PRET, 1L);
  if (transfer.create_file_mode != 0) set(CURLOPT_NEW_FILE_PERMS, transfer.create_file_mode);
  if (transfer.mail_auth) set(CURLOPT_MAIL_AUTH, transfer.mail_auth->c_str());
  if (transfer.sasl_authzid) set(CURLOPT_SASL_AUTHZID, transfer.sasl_authzid->c_str());
  if (transfer.sasl_ir) set(CURLOPT_SASL_IR, 1L);
  if (transfer.tftp_no_options) set(CURLOPT_TFTP_NO_OPTIONS, 1L);

  // SSH: curl passes --key and the host key checks only to scp:// and sftp:// transfers.
  if (istarts_with(url, "scp://") || istarts_with(url, "sftp://")) {
    if (transfer.key) set(CURLOPT_SSH_PRIVATE_KEYFILE, transfer.key->c_str());
    if (transfer.ssh_public_key) set(CURLOPT_SSH_PUBLIC_KEYFILE, transfer.ssh_public_key->c_str());
    if (transfer.host_pubkey_md5) set(CURLOPT_SSH_HOST_PUBLIC_KEY_MD5, transfer.host_pubkey_md5->c_str());
    if (transfer.host_pubkey_sha256) set(CURLOPT_SSH_HOST_PUBLIC_KEY_SHA256, transfer.host_pubkey_sha256->c_str());
    if (transfer.ssh_compression) set(CURLOPT_SSH_COMPRESSION, 1L);
    if (!transfer.insecure) {
      if (const auto known_hosts = find_in_curl_homes(env, ".ssh/known_hosts"))
        set(CURLOPT_SSH_KNOWNHOSTS, known_hosts->c_str());
    }
  }
  if (out_of_memory) return make_error(CURLE_OUT_OF_MEMORY, "out of memory");
  return Ok{};
}

}  // namespace dbcurl

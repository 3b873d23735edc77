# DEB and RPM packages: cpack -G DEB / cpack -G RPM in a build directory.
set(CPACK_PACKAGE_NAME dbcurl)
set(CPACK_PACKAGE_VENDOR "The dbcurl authors")
set(CPACK_PACKAGE_CONTACT "dbcurl maintainers <dbcurl@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "curl with Databricks authentication built in")
set(CPACK_PACKAGE_DESCRIPTION "dbcurl is curl's command line with Databricks authentication built in.
It resolves the workspace and the token the way the Databricks SDKs and
CLI do, refuses passwords, and is plain curl for every other request.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/dbcurl/dbcurl")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # libcurl4 and libc, from the binary's links
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion, python3-keyring")

set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE MIT)
set(CPACK_RPM_PACKAGE_GROUP "Applications/Internet")
set(CPACK_RPM_PACKAGE_REQUIRES "libcurl >= 7.88")
set(CPACK_RPM_PACKAGE_AUTOREQ OFF)
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/man /usr/share/man/man1 /usr/share/bash-completion /usr/share/bash-completion/completions
    /usr/share/zsh /usr/share/zsh/vendor-completions /usr/share/fish /usr/share/fish/vendor_completions.d
    /usr/share/doc)

include(CPack)

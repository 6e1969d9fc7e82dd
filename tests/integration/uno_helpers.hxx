// Helpers for tests that drive the office over UNO: the tools' document helpers
// (src/tools/office_documents.hxx) plus what only GoogleTest needs.
#pragma once

#include <functional>

#include <com/sun/star/container/XNameReplace.hpp>

#include "office.hxx"
#include "tools/office_documents.hxx"

namespace dealsheet::test {

// Runs a test body, reporting a UNO exception as a failure with its message (GoogleTest
// would only say "unknown exception").
void unoGuard(const std::function<void()>& body);

// The office's user interface language (/org.openoffice.Setup/L10N/ooLocale), as Tools ▸
// Options ▸ Language Settings sets it and DealSheet's texts follow; restored by the destructor.
class UiLanguage {
  public:
    explicit UiLanguage(const std::string& locale);
    ~UiLanguage();
    UiLanguage(const UiLanguage&) = delete;
    UiLanguage& operator=(const UiLanguage&) = delete;

  private:
    void set(const rtl::OUString& locale);
    css::uno::Reference<css::container::XNameReplace> node_;
    rtl::OUString previous_;
};

}  // namespace dealsheet::test

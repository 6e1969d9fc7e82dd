#include "uno_helpers.hxx"

#include <gtest/gtest.h>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>

namespace dealsheet::test {

void unoGuard(const std::function<void()>& body) {
    try {
        body();
    } catch (const css::uno::Exception& e) {
        ADD_FAILURE() << "UNO exception: " << toUtf8(e.Message);
    }
}

UiLanguage::UiLanguage(const std::string& locale) {
    const auto provider = css::configuration::theDefaultProvider::get(Office::get().context());
    css::uno::Sequence<css::uno::Any> args(1);
    args.getArray()[0] <<= css::beans::NamedValue(
        "nodepath", css::uno::Any(rtl::OUString("/org.openoffice.Setup/L10N")));
    node_.set(provider->createInstanceWithArguments(
                  "com.sun.star.configuration.ConfigurationUpdateAccess", args),
              css::uno::UNO_QUERY_THROW);
    node_->getByName("ooLocale") >>= previous_;
    set(toOUString(locale));
}

UiLanguage::~UiLanguage() {
    try {
        set(previous_);
    } catch (const css::uno::Exception&) {
        // The office goes away with the test binary.
    }
}

void UiLanguage::set(const rtl::OUString& locale) {
    node_->replaceByName("ooLocale", css::uno::Any(locale));
    css::uno::Reference<css::util::XChangesBatch>(node_, css::uno::UNO_QUERY_THROW)
        ->commitChanges();
}

}  // namespace dealsheet::test

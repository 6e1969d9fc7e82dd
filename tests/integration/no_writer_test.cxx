// Contract dossier in an office installed without Writer. ctest starts this binary's office
// with DEALSHEET_OFFICE_WITHOUT=writer: the installation's configuration without writer.xcd,
// which is what Debian's libreoffice-calc alone installs (libreoffice-writer brings writer.xcd:
// the Writer module and its filters). The first test shows that this office really cannot make a
// text document; the others that the dossier says what to install, in the user's language, from
// the toolbar and the macro API alike, and that nothing in the workbook changes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/frame/ModuleManager.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <org/dealsheet/calc/XToolkit2.hpp>

#include "core/dossier/dossier_messages.hpp"
#include "office.hxx"
#include "preservation.hxx"
#include "uno_helpers.hxx"

using namespace dealsheet::test;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
namespace fs = std::filesystem;
namespace msg = dealsheet::msg;

namespace {

const std::string kSample = std::string(DEALSHEET_WORKBOOKS) + "/sample-zh.ods";

std::string workFolder() {
    const std::string dir = Office::get().workDir() + "/no-writer";
    fs::create_directories(dir);
    return dir;
}

bool isModified(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    return Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->isModified();
}

// A document of `url`, or nothing when the office cannot make one (null or an exception).
Reference<css::lang::XComponent> tryLoad(const std::string& url) {
    try {
        return loadComponent(url);
    } catch (const css::uno::Exception&) {
        return {};
    }
}

// The message of the exception `call` raises, "(no exception)" when it returns.
std::string raised(const std::function<void()>& call) {
    try {
        call();
    } catch (const css::uno::Exception& e) {
        return toUtf8(e.Message);
    }
    return "(no exception)";
}

Reference<org::dealsheet::calc::XToolkit2> toolkit2() {
    return Reference<org::dealsheet::calc::XToolkit2>(toolkit(), UNO_QUERY_THROW);
}

}  // namespace

TEST(OfficeWithoutWriter, TheOfficeCannotMakeATextDocumentButCalcWorks) {
    unoGuard([&] {
        const Reference<css::container::XNameAccess> modules(
            css::frame::ModuleManager::create(Office::get().context()), UNO_QUERY_THROW);
        EXPECT_FALSE(modules->hasByName("com.sun.star.text.TextDocument"));
        EXPECT_TRUE(modules->hasByName("com.sun.star.sheet.SpreadsheetDocument"));

        // What a user of such an office meets: File ▸ New ▸ Text Document makes nothing, and a
        // text document (the dossier's kind, Flat XML) does not load.
        const auto writer = tryLoad("private:factory/swriter");
        EXPECT_FALSE(writer.is());
        if (writer.is()) writer->dispose();
        const std::string fodt = workFolder() + "/text.fodt";
        std::ofstream(fodt)
            << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document "
               "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
               "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
               "office:version=\"1.2\" "
               "office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body>"
               "<office:text><text:p>DealSheet</text:p></office:text></office:body>"
               "</office:document>\n";
        const auto text = tryLoad(fileUrl(fodt));
        EXPECT_FALSE(text.is());
        if (text.is()) text->dispose();

        // Calc and the extension work: Validate on the sample.
        const auto doc = loadCopy(kSample);
        const Dispatched validated = dispatchToolbar(doc, "Validate");
        EXPECT_FALSE(validated.failed) << validated.message;
        close(doc);
    });
}

TEST(OfficeWithoutWriter, ContractDossierSaysWhatToInstallAndChangesNothing) {
    unoGuard([&] {
        const auto doc = loadCopy(kSample);
        const Snapshot before = snapshot(doc);
        ASSERT_FALSE(isModified(doc));
        const std::string pdf = workFolder() + "/HT-2026-001.pdf";
        const std::string folder = workFolder() + "/all";
        fs::create_directories(folder);
        for (const auto& [locale, expected] : {std::pair{"en-US", msg::kDossierNeedsWriter.en},
                                               std::pair{"zh-CN", msg::kDossierNeedsWriter.zh}}) {
            SCOPED_TRACE(locale);
            const UiLanguage language(locale);
            // The toolbar command, with the contract and the file given as a macro would.
            const Dispatched told = dispatchToolbar(
                doc, "ContractDossier", {{"ContractNo", "HT-2026-001"}, {"FileUrl", fileUrl(pdf)}});
            EXPECT_TRUE(told.failed);
            EXPECT_NE(told.message.find(expected), std::string::npos) << told.message;
            // Without arguments it says so before asking for anything.
            const Dispatched bare = dispatchToolbar(doc, "ContractDossier");
            EXPECT_TRUE(bare.failed);
            EXPECT_NE(bare.message.find(expected), std::string::npos) << bare.message;
            // The macro API raises the same message: one contract, and every contract.
            EXPECT_EQ(raised([&] {
                          toolkit2()->exportDossier(component(doc), "HT-2026-001",
                                                    toOUString(fileUrl(pdf)));
                      }),
                      expected);
            EXPECT_EQ(raised([&] {
                          toolkit2()->exportDossier(component(doc), "",
                                                    toOUString(fileUrl(folder)));
                      }),
                      expected);
        }
        EXPECT_FALSE(fs::exists(pdf));
        EXPECT_TRUE(fs::is_empty(folder));
        const auto changes = differences(before, snapshot(doc));
        EXPECT_TRUE(changes.empty()) << changes.front().describe();
        EXPECT_FALSE(isModified(doc));
        close(doc);
    });
}

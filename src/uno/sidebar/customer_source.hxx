// The Customer panel's and customerCard's side that reads the document (SPEC §11): the
// workbook read once into the core's card input, the card of a customer, and a new follow-up
// action row for the customer.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "core/customer/customer_card.hpp"
#include "uno/workbook/workbook_reader.hxx"

namespace dealsheet::uno {

namespace css = com::sun::star;
using css::uno::Reference;

// The recognised sheets of a document, read once (the panel keeps it until the document
// changes). Not copyable: the card input points into the sheets read.
class CustomerWorkbook {
  public:
    CustomerWorkbook(const Reference<css::uno::XComponentContext>& context,
                     const Reference<css::sheet::XSpreadsheetDocument>& doc, Lang lang);
    CustomerWorkbook(const CustomerWorkbook&) = delete;
    CustomerWorkbook& operator=(const CustomerWorkbook&) = delete;

    const CardInput& input() const { return input_; }
    // The card of `customerNo`, possible duplicates included once their finder exists.
    CustomerCard card(const std::string& customerNo) const;

  private:
    WorkbookView view_;
    CardInput input_;
};

// The lines customerCard returns: the card's lines as the panel shows them, in the office's
// language; none for a number the workbook does not know.
std::vector<std::string> customerCardLines(const Reference<css::uno::XComponentContext>& context,
                                           const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                           const std::string& customerNo);

// Where New follow-up action put its row: the sheet, the 0-based row, and the 任务内容 column
// the cursor goes to.
struct NewActionRow {
    std::string sheet;
    int row = -1;
    int taskColumn = 0;
};

// Appends a row to the first 跟进行动表 below its last data row: customer number, owner (the
// card's, else `user`), today as 创建日期, status 未开始 and the next action number; one undo
// step. Throws IllegalArgumentException (in `lang`) when the workbook has no actions sheet.
NewActionRow addFollowUpAction(const Reference<css::uno::XComponentContext>& context,
                               const Reference<css::sheet::XSpreadsheetDocument>& doc,
                               const CustomerWorkbook& workbook, const CustomerCard& card,
                               const std::string& user, Lang lang);

}  // namespace dealsheet::uno

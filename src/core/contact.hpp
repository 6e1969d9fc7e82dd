// Phone numbers and e-mail addresses as sales staff type them.
#pragma once

#include <string_view>

namespace dealsheet {

// 7-15 digits, optionally with + - ( ) and spaces: 138-0013-8000, +86 (21) 6888 1234.
bool isPhoneNumber(std::string_view text);
// local@domain.tld without spaces.
bool isEmailAddress(std::string_view text);
// One or more phone numbers or e-mail addresses separated by / ; ， ； 、 or ",".
bool isContact(std::string_view text);

}  // namespace dealsheet

// advanceai.hpp: a header-only C++17 wrapper of the advanceai C API (include/advanceai.h).
//
// Rules of this wrapper:
// * Every owning type (Config, Client, UrlRequest, GetResultRequest, Token and the results)
//   frees its C object itself. They are move-only; a moved-from object is empty, safe to
//   destroy or assign to, and any call on it throws Error with Status::NullParameter
//   (accessors of a moved-from result return an empty optional / false instead).
// * Every failing call throws advanceai::Error (never returns a status). what() is the
//   library's message: it never contains a key, a token or a person's data. Its flags
//   (retryable(), may_have_been_processed(), refuses_account(), safe_to_resend(),
//   faults_the_request()) are the library's one verdict on the failure; status_name()
//   gives a status's stable name ("API_ERROR").
// * The results hold person data (person(), to_json()): they have no operator<<, so they
//   cannot be logged by accident; read a field to print it, never a person field. A
//   Callback (parse_callback) is a plain copyable value.
// * Accessors return copies (std::optional<std::string>, empty when the server sent no
//   value), so nothing they return dangles. The one exception is Token::value(), a view
//   valid while the Token lives, so that the secret is not copied around.
// * String arguments are std::string_view; they are copied (NUL-terminated) for the C call
//   and the copy is wiped afterwards (it may be a key or an ID number). A string with an
//   embedded NUL character is refused with Status::InvalidInput, never cut silently.
// * Client is thread-safe like the C client: its const methods may be called from many
//   threads at once on one Client. Moving or destroying it while calls run is not.
//
// The wrapper is split by concept into advanceai/*.hpp; include this header, which
// includes them all.
#ifndef ADVANCEAI_HPP
#define ADVANCEAI_HPP

#include "advanceai/status.hpp"
#include "advanceai/error.hpp"
#include "advanceai/config.hpp"
#include "advanceai/results.hpp"
#include "advanceai/requests.hpp"
#include "advanceai/client.hpp"

#endif  // ADVANCEAI_HPP

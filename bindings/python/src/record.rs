//! The one shape of every result class: a frozen Python object holding the core's parsed
//! value, written once as a macro.
//!
//! Each class gets `to_dict()` (the value's own `Serialize`, the normalized JSON in the
//! API's camelCase names, through `pythonize`), `unknown_fields` (the fields this version
//! does not know, as sent), `__repr__` (the core's redacting `Debug`: person fields, ID
//! numbers and unknown values never show) and `==`; and one read-only attribute per field,
//! converted from the field's type:
//!
//! * `text`: `Option<String>` → `str | None`;
//! * `wire`: a code or enum (`Option<OverallResult>`...) → its wire text, `str | None`;
//! * `exposed`: personal data (`Option<Pii>`, `Option<Birthday>`) → `str | None`;
//! * `flag`: `Option<bool>` → `bool | None`;
//! * `score`: `Option<Score>` → `float | None`;
//! * `millis`: `Option<EpochMillis>` → `int | None` (epoch milliseconds);
//! * `nested`: another record → its class, or `None`.

use pyo3::prelude::*;
use serde::Serialize;

/// `value` as Python objects, through its own `Serialize` (the normalized JSON's shape).
pub(crate) fn to_python<'py, T: Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, value)?)
}

macro_rules! record {
    (
        $(#[$meta:meta])*
        $py:ident($rust:ty) as $name:literal {
            $(text { $($text:ident),* $(,)? })?
            $(wire { $($wire:ident),* $(,)? })?
            $(exposed { $($exposed:ident),* $(,)? })?
            $(flag { $($flag:ident),* $(,)? })?
            $(score { $($score:ident),* $(,)? })?
            $(millis { $($millis:ident),* $(,)? })?
            $(nested { $($nested:ident: $nested_py:ident),* $(,)? })?
        }
        $($methods:tt)*
    ) => {
        $(#[$meta])*
        #[pyclass(frozen, eq, module = "advanceai", name = $name)]
        #[derive(Clone, PartialEq)]
        pub(crate) struct $py(pub(crate) $rust);

        #[pymethods]
        impl $py {
            /// The normalized JSON of this value, in the API's camelCase names (what the
            /// C ABI's `_to_json` and the CLI's `--json` print), as Python objects.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                $crate::record::to_python(py, &self.0)
            }

            /// The fields this version of the library does not know, as sent.
            #[getter]
            fn unknown_fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                $crate::record::to_python(py, &self.0.unknown_fields)
            }

            fn __repr__(&self) -> String {
                format!("{:?}", self.0)
            }

            $($(
                #[getter]
                fn $text(&self) -> Option<&str> {
                    self.0.$text.as_deref()
                }
            )*)?

            $($(
                #[getter]
                fn $wire(&self) -> Option<&str> {
                    self.0.$wire.as_ref().map(|value| value.as_str())
                }
            )*)?

            $($(
                #[getter]
                fn $exposed(&self) -> Option<&str> {
                    self.0.$exposed.as_ref().map(|value| value.expose())
                }
            )*)?

            $($(
                #[getter]
                fn $flag(&self) -> Option<bool> {
                    self.0.$flag
                }
            )*)?

            $($(
                #[getter]
                fn $score(&self) -> Option<f64> {
                    self.0.$score.map(|score| score.value())
                }
            )*)?

            $($(
                #[getter]
                fn $millis(&self) -> Option<u64> {
                    self.0.$millis.as_ref().map(|millis| millis.0)
                }
            )*)?

            $($(
                #[getter]
                fn $nested(&self) -> Option<$nested_py> {
                    self.0.$nested.clone().map($nested_py)
                }
            )*)?

            $($methods)*
        }
    };
}

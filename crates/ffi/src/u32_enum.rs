//! [`u32_enum_builder!`]: a C enum with stable `u32` values, written once.
//!
//! One invocation writes the `#[repr(u32)]` enum (each variant's value and doc comment, as
//! C sees them in the header), its `TryFrom<u32>` (the only way a number from C becomes a
//! variant), the list of every variant, and each variant's text. Nothing else in the crate
//! lists the variants again: messages and names are read through the enum.

/// Writes a `#[repr(u32)]` C enum with its lookup and texts.
///
/// ```ignore
/// u32_enum_builder! {
///     /// Doc comment of the enum.
///     pub enum example_status {
///         /// Doc comment of the variant.
///         EXAMPLE_OK = 0 => c"ok",
///     }
/// }
/// ```
///
/// Generates, besides the enum: `TryFrom<u32>` (`Err` gives the number back), `ALL` (every
/// variant, in the order written), `text()` (the variant's static NUL-terminated text)
/// and `identifier()` (the variant's C identifier with a NUL at the end).
macro_rules! u32_enum_builder {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal => $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[repr(u32)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant = $value, )+
        }

        #[allow(dead_code)]
        impl $name {
            /// Every variant, in the order written.
            pub(crate) const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];

            /// The variant's text: static and NUL-terminated.
            pub(crate) fn text(self) -> &'static ::std::ffi::CStr {
                match self {
                    $( $name::$variant => $text, )+
                }
            }

            /// The variant's C identifier, followed by a NUL byte.
            pub(crate) fn identifier(self) -> &'static str {
                match self {
                    $( $name::$variant => concat!(stringify!($variant), "\0"), )+
                }
            }
        }

        impl TryFrom<u32> for $name {
            type Error = u32;

            fn try_from(value: u32) -> Result<Self, u32> {
                match value {
                    $( $value => Ok($name::$variant), )+
                    other => Err(other),
                }
            }
        }
    };
}

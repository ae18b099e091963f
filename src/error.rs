//! Errors that name the file and the cause.

use std::fmt;

/// A data file (rubric, lexicon, config) that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl DataError {
    pub fn plain(path: &str, message: impl Into<String>) -> Self {
        DataError {
            path: path.to_string(),
            line: None,
            message: message.into(),
        }
    }

    pub fn at(path: &str, line: usize, message: impl Into<String>) -> Self {
        DataError {
            path: path.to_string(),
            line: Some(line),
            message: message.into(),
        }
    }

    /// A TOML parse or schema error, with the line it points at.
    pub fn toml(path: &str, text: &str, err: &toml::de::Error) -> Self {
        let line = err
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        DataError {
            path: path.to_string(),
            line,
            message: err.message().trim().to_string(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}: line {}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for DataError {}

/// An input document that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    pub message: String,
}

impl InputError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        InputError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for InputError {}

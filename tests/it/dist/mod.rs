//! The release packages, the double-click menu and the staff guide (issue 11).

mod cross;
mod guide;
mod menu;
mod windows;

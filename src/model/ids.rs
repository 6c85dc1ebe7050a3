//! Typed indexes into a rule set's lists: a job's index cannot be passed where
//! a level's is meant. Each is a `usize` underneath (no cost over a bare
//! index), and indexes its list directly (`rules.jobs[job]`).

use std::ops::{Index, IndexMut};

use super::{Category, Diploma, Job, Level, Param, Scale, Table};

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident indexes $item:ty;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(usize);

        impl $name {
            /// The id of the item at `index` of its list.
            pub const fn new(index: usize) -> Self {
                $name(index)
            }

            /// The item's position in its list.
            pub const fn index(self) -> usize {
                self.0
            }

            /// The ids of a list of `len` items, in order.
            pub fn all(len: usize) -> impl DoubleEndedIterator<Item = $name> + Clone {
                (0..len).map($name)
            }

            /// Each item of `items` with its id, in order.
            pub fn enumerate(
                items: &[$item],
            ) -> impl DoubleEndedIterator<Item = ($name, &$item)> + Clone {
                items.iter().enumerate().map(|(i, item)| ($name(i), item))
            }
        }

        impl Index<$name> for [$item] {
            type Output = $item;

            #[inline]
            fn index(&self, id: $name) -> &$item {
                &self[id.0]
            }
        }

        impl IndexMut<$name> for [$item] {
            #[inline]
            fn index_mut(&mut self, id: $name) -> &mut $item {
                &mut self[id.0]
            }
        }

        impl Index<$name> for Vec<$item> {
            type Output = $item;

            #[inline]
            fn index(&self, id: $name) -> &$item {
                &self[id.0]
            }
        }

        impl IndexMut<$name> for Vec<$item> {
            #[inline]
            fn index_mut(&mut self, id: $name) -> &mut $item {
                &mut self[id.0]
            }
        }
    )*};
}

ids! {
    /// A parameter of [`super::RuleSet::params`].
    ParamId indexes Param;
    /// A table of [`super::RuleSet::tables`].
    TableId indexes Table;
    /// A category of [`super::RuleSet::categories`].
    CategoryId indexes Category;
    /// A level of [`super::RuleSet::levels`].
    LevelId indexes Level;
    /// A diploma of [`super::RuleSet::diplomas`].
    DiplomaId indexes Diploma;
    /// A scale of [`super::RuleSet::scales`].
    ScaleId indexes Scale;
    /// A job of [`super::RuleSet::jobs`].
    JobId indexes Job;
}

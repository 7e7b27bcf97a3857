//! The parsed page flattened into one pre-order array.
//!
//! Every later pass walks this array with plain loops: a subtree is the contiguous range `i..end`, a parent always
//! sits before its children, so top-down facts are one forward loop and bottom-up sums one backward loop. Nothing
//! recurses over the DOM, so 100,000 nested elements cost a few megabytes, never the stack.

use scraper::node::Element;
use scraper::{Html, Node as DomNode};

/// What one arena slot holds.
#[derive(Clone, Copy)]
pub(crate) enum Item<'a> {
    /// The document itself (index 0) and anything without text that still has children.
    Root,
    Element(&'a Element),
    Text(&'a str),
}

/// One DOM node with its place in the pre-order array.
pub(crate) struct Node<'a> {
    pub item: Item<'a>,
    /// Index of the parent; the root is its own parent.
    pub parent: usize,
    /// One past the last index of this node's subtree.
    pub end: usize,
}

impl<'a> Node<'a> {
    /// Lower-case local tag name, or `""` for text and the root.
    pub fn tag(&self) -> &'a str {
        match self.item {
            Item::Element(el) => el.name(),
            _ => "",
        }
    }

    pub fn element(&self) -> Option<&'a Element> {
        match self.item {
            Item::Element(el) => Some(el),
            _ => None,
        }
    }
}

/// The flattened page.
pub(crate) struct Arena<'a> {
    pub nodes: Vec<Node<'a>>,
}

impl<'a> Arena<'a> {
    /// Flattens the parsed document; comments, doctypes and processing instructions are left out.
    pub fn build(dom: &'a Html) -> Self {
        let mut nodes: Vec<Node<'a>> = Vec::new();
        // Arena index of each open node; `None` for a skipped node so opens and closes stay paired.
        let mut open: Vec<Option<usize>> = Vec::new();
        let push = |value: &'a DomNode, nodes: &mut Vec<Node<'a>>, open: &mut Vec<Option<usize>>| {
            let item = match value {
                DomNode::Document | DomNode::Fragment => Some(Item::Root),
                DomNode::Element(el) => Some(Item::Element(el)),
                DomNode::Text(text) => Some(Item::Text(&text.text)),
                _ => None,
            };
            let slot = item.map(|item| {
                let index = nodes.len();
                let parent = open.iter().rev().flatten().next().copied().unwrap_or(index);
                nodes.push(Node {
                    item,
                    parent,
                    end: index + 1,
                });
                index
            });
            open.push(slot);
        };
        let close = |nodes: &mut Vec<Node<'a>>, open: &mut Vec<Option<usize>>| {
            if let Some(Some(index)) = open.pop() {
                nodes[index].end = nodes.len();
            }
        };
        // Iterative pre-order walk over ego-tree links: first child, else next sibling, else climb.
        let root = dom.tree.root();
        let mut current = root;
        push(current.value(), &mut nodes, &mut open);
        'walk: loop {
            if let Some(child) = current.first_child() {
                current = child;
                push(current.value(), &mut nodes, &mut open);
                continue;
            }
            loop {
                close(&mut nodes, &mut open);
                if current.id() == root.id() {
                    break 'walk;
                }
                if let Some(sibling) = current.next_sibling() {
                    current = sibling;
                    push(current.value(), &mut nodes, &mut open);
                    continue 'walk;
                }
                match current.parent() {
                    Some(parent) => current = parent,
                    None => break 'walk,
                }
            }
        }
        if nodes.is_empty() {
            nodes.push(Node {
                item: Item::Root,
                parent: 0,
                end: 1,
            });
        }
        Arena { nodes }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether `inner` lies in the subtree of `outer` (a node contains itself).
    pub fn contains(&self, outer: usize, inner: usize) -> bool {
        outer <= inner && inner < self.nodes[outer].end
    }

    /// `index` and its ancestors up to the root, innermost first.
    pub fn ancestors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        let mut next = Some(index);
        std::iter::from_fn(move || {
            let current = next?;
            let parent = self.nodes[current].parent;
            next = (parent != current).then_some(parent);
            Some(current)
        })
    }
}

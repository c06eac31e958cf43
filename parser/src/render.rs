pub fn render(_f: &crate::ast::File) -> String {
    String::new()
}

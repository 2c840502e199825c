//! A request as a browser sends it, over a plain socket: the tests of the room's live
//! page read exactly what the server wrote.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// `METHOD PATH` to `addr`; the whole answer (the server closes after it).
pub fn request(addr: &str, method: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("sends");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

//! A minimal Chrome DevTools Protocol client for the browser test: Chromium started with
//! `--remote-debugging-port=0`, one WebSocket to the browser (RFC 6455 text frames, written by
//! hand over a `TcpStream` to 127.0.0.1), and flat sessions for the page. Every event the
//! browser sends is kept, so the test can look at the console and the network afterwards.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A running headless Chromium, killed on drop.
pub struct Browser {
    child: Child,
    ws: TcpStream,
    next_id: u64,
    /// Every event received so far (messages without an `id`).
    pub events: Vec<Value>,
    deadline: Instant,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    /// Starts `binary` headless with a fresh profile in `profile`, a `width`×`height` window,
    /// and connects to its DevTools socket. Everything must finish within `limit`.
    pub fn launch(
        binary: &std::path::Path,
        profile: &std::path::Path,
        (width, height): (u32, u32),
        limit: Duration,
    ) -> Result<Browser, String> {
        let mut child = Command::new(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--remote-debugging-port=0",
                "--hide-scrollbars",
                &format!("--window-size={width},{height}"),
                &format!("--user-data-dir={}", profile.display()),
                "about:blank",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
        let stderr = child.stderr.take().ok_or("no stderr")?;
        let (tx, rx) = std::sync::mpsc::channel();
        // Read stderr on a thread (and keep draining it so the browser never blocks on it).
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(url) = line.strip_prefix("DevTools listening on ") {
                    let _ = tx.send(url.trim().to_string());
                }
            }
        });
        let deadline = Instant::now() + limit;
        let url = rx
            .recv_timeout(Duration::from_secs(30))
            .map_err(|_| "Chromium did not print its DevTools address".to_string())?;
        let rest = url
            .strip_prefix("ws://")
            .ok_or(format!("odd address {url}"))?;
        let (host, path) = rest.split_once('/').ok_or(format!("odd address {url}"))?;
        let mut ws = TcpStream::connect(host).map_err(|e| format!("connect {host}: {e}"))?;
        ws.set_read_timeout(Some(Duration::from_secs(5)))
            .map_err(|e| e.to_string())?;
        write!(
            ws,
            "GET /{path} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: cm91dGVjaGVjay10ZXN0IQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        .map_err(|e| e.to_string())?;
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            ws.read_exact(&mut byte)
                .map_err(|e| format!("handshake: {e}"))?;
            head.push(byte[0]);
        }
        let head = String::from_utf8_lossy(&head);
        if !head.starts_with("HTTP/1.1 101") {
            return Err(format!("WebSocket handshake refused: {head}"));
        }
        Ok(Browser {
            child,
            ws,
            next_id: 0,
            events: Vec::new(),
            deadline,
        })
    }

    fn send(&mut self, text: &str) -> Result<(), String> {
        let data = text.as_bytes();
        // FIN + text frame; client frames are masked (here with a zero key, which leaves the
        // payload as it is).
        let mut frame = vec![0x81u8];
        match data.len() {
            n if n < 126 => frame.push(0x80 | n as u8),
            n if n < 65536 => {
                frame.push(0x80 | 126);
                frame.extend_from_slice(&(n as u16).to_be_bytes());
            }
            n => {
                frame.push(0x80 | 127);
                frame.extend_from_slice(&(n as u64).to_be_bytes());
            }
        }
        frame.extend_from_slice(&[0, 0, 0, 0]);
        frame.extend_from_slice(data);
        self.ws.write_all(&frame).map_err(|e| format!("send: {e}"))
    }

    fn read_exact(&mut self, buf: &mut [u8]) -> Result<(), String> {
        let mut at = 0;
        while at < buf.len() {
            if Instant::now() > self.deadline {
                return Err("timed out waiting for the browser".into());
            }
            match self.ws.read(&mut buf[at..]) {
                Ok(0) => return Err("the browser closed the connection".into()),
                Ok(n) => at += n,
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(e) => return Err(format!("read: {e}")),
            }
        }
        Ok(())
    }

    /// The next whole message (continuation frames joined).
    fn receive(&mut self) -> Result<Value, String> {
        let mut payload = Vec::new();
        loop {
            let mut h = [0u8; 2];
            self.read_exact(&mut h)?;
            let len = match h[1] & 0x7f {
                126 => {
                    let mut b = [0u8; 2];
                    self.read_exact(&mut b)?;
                    u64::from(u16::from_be_bytes(b))
                }
                127 => {
                    let mut b = [0u8; 8];
                    self.read_exact(&mut b)?;
                    u64::from_be_bytes(b)
                }
                n => u64::from(n),
            };
            let mut body = vec![0u8; len as usize];
            self.read_exact(&mut body)?;
            match h[0] & 0x0f {
                0x8 => return Err("the browser closed the WebSocket".into()),
                0x9 | 0xA => continue,
                _ => payload.extend_from_slice(&body),
            }
            if h[0] & 0x80 != 0 {
                break;
            }
        }
        serde_json::from_slice(&payload).map_err(|e| format!("bad message: {e}"))
    }

    /// Sends a command (to a page's session, or to the browser) and returns its result,
    /// keeping the events that arrive meanwhile.
    pub fn call(
        &mut self,
        session: Option<&str>,
        method: &str,
        params: Value,
    ) -> Result<Value, String> {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        self.send(&msg.to_string())?;
        loop {
            let m = self.receive()?;
            if m["id"] == json!(id) {
                if let Some(e) = m.get("error") {
                    return Err(format!("{method}: {e}"));
                }
                return Ok(m["result"].clone());
            }
            self.events.push(m);
        }
    }

    /// Waits until an event named `method` has arrived (or had already).
    pub fn wait_for(&mut self, method: &str) -> Result<(), String> {
        while !self.events.iter().any(|e| e["method"] == method) {
            let m = self.receive()?;
            self.events.push(m);
        }
        Ok(())
    }

    /// Evaluates a JavaScript expression in the page and returns its value (by value).
    pub fn eval(&mut self, session: &str, expr: &str) -> Result<Value, String> {
        let r = self.call(
            Some(session),
            "Runtime.evaluate",
            json!({"expression": expr, "returnByValue": true, "awaitPromise": true}),
        )?;
        if let Some(e) = r.get("exceptionDetails") {
            return Err(format!("{expr}: {e}"));
        }
        Ok(r["result"]["value"].clone())
    }
}

/// Decodes standard base64 (the screenshot's encoding).
pub fn base64_decode(s: &str) -> Result<Vec<u8>, String> {
    let val = |c: u8| -> Result<u32, String> {
        Ok(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return Err(format!("not base64: {:?}", c as char)),
        }
        .into())
    };
    let bytes: Vec<u8> = s.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for chunk in bytes.chunks(4) {
        let pad = chunk.iter().filter(|c| **c == b'=').count();
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= if *c == b'=' { 0 } else { val(*c)? } << (18 - 6 * i);
        }
        let got = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&got[..3 - pad]);
    }
    Ok(out)
}

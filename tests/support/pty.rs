//! Runs the real binary in a pseudo-terminal and reads its screen through a terminal
//! emulator, as a person at the keyboard would. Tests wait for text on the screen;
//! they never sleep a fixed time.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// The emulated screen, and a signal raised each time the program writes to it.
struct Screen {
    parser: Mutex<vt100::Parser>,
    changed: Condvar,
    /// How many bytes the program has written.
    received: AtomicUsize,
}

pub struct Pty {
    screen: Arc<Screen>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
}

impl Pty {
    /// Starts `roundtable ARGS` in `cwd` on a `cols`×`rows` terminal.
    pub fn spawn(args: &[&str], cwd: &Path, cols: u16, rows: u16) -> Pty {
        Pty::spawn_with_env(args, cwd, cols, rows, &[])
    }

    /// As `spawn`, with extra environment variables.
    pub fn spawn_with_env(
        args: &[&str],
        cwd: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_roundtable"));
        command.args(args);
        command.cwd(cwd);
        command.env("TERM", "xterm-256color");
        command.env("LANG", "C.UTF-8");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair
            .slave
            .spawn_command(command)
            .expect("the binary starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let size = |n: u16| std::num::NonZero::new(n).expect("a terminal of at least 1×1");
        let screen = Arc::new(Screen {
            parser: Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)),
            changed: Condvar::new(),
            received: AtomicUsize::new(0),
        });
        let feed = Arc::clone(&screen);
        thread::spawn(move || {
            // Keep the master alive as long as we read from it.
            let _master = pair.master;
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        feed.received.fetch_add(n, Ordering::Relaxed);
                        feed.parser.lock().expect("screen lock").process(&buf[..n]);
                        feed.changed.notify_all();
                    }
                }
            }
        });
        Pty {
            screen,
            writer: Arc::new(Mutex::new(writer)),
            child,
        }
    }

    /// The screen's text now.
    /// The facilitator's screen on the session `path`, listening on `listen` (e.g.
    /// "127.0.0.1:0"), with the address and the join code its header shows.
    #[allow(dead_code)] // not every test binary uses it
    pub fn listening(path: &Path, listen: &str) -> (Pty, String, String) {
        let dir = path.parent().expect("a folder");
        let session = path.to_str().expect("a UTF-8 path");
        let pty = Pty::spawn(&["open", session, "--listen", listen], dir, 120, 40);
        let screen = pty.wait_for("紀錄加入 ");
        let (address, code) = address_and_code(&screen);
        (pty, address, code)
    }

    pub fn screen(&self) -> String {
        self.view().contents()
    }

    /// The screen, to watch from another thread while this one types.
    pub fn view(&self) -> ScreenView {
        ScreenView(Arc::clone(&self.screen))
    }

    /// Waits until `needle` is on the screen; panics with the screen after `timeout`.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(needle, |screen| screen.contains(needle))
    }

    /// Waits until `ready` holds for the screen; `what` names it in the failure.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        match self.wait_within(Duration::from_secs(20), &ready) {
            Some(screen) => screen,
            None => panic!(
                "waited 20 s for {what:?}; the screen shows:\n{}",
                self.screen()
            ),
        }
    }

    /// Waits at most `limit` for `ready` to hold, checking each time the program
    /// writes to the screen (so the moment it holds is known to well under a
    /// millisecond); `None` if it never did.
    pub fn wait_within(&self, limit: Duration, ready: impl Fn(&str) -> bool) -> Option<String> {
        self.view().wait_within(limit, ready)
    }

    /// Types text or key sequences, as raw bytes.
    pub fn send(&mut self, bytes: &str) {
        let mut writer = self.writer.lock().expect("pty writer");
        writer.write_all(bytes.as_bytes()).expect("write to pty");
        writer.flush().expect("flush pty");
    }

    /// Types `bytes` from another thread and returns at once: a burst larger than the
    /// terminal's input buffer blocks its writer until the program reads, and a test
    /// must see a program that stopped reading fail, not hang. The thread ends when
    /// everything is written, or when the terminal is gone.
    #[allow(dead_code)] // not every test binary uses it
    pub fn send_in_background(&self, bytes: String) -> thread::JoinHandle<()> {
        let writer = Arc::clone(&self.writer);
        thread::spawn(move || {
            let mut writer = writer.lock().expect("pty writer");
            let _ = writer
                .write_all(bytes.as_bytes())
                .and_then(|()| writer.flush());
        })
    }

    /// Whether the process has ended (and how), without waiting.
    #[allow(dead_code)] // not every test binary uses it
    pub fn exited(&mut self) -> Option<bool> {
        self.child
            .try_wait()
            .expect("child status")
            .map(|status| status.success())
    }

    /// Whether the terminal is as the program found it: main screen, cursor shown,
    /// no mouse reporting, no bracketed paste.
    #[allow(dead_code)] // not every test binary uses it
    ///
    /// The program's last bytes may still be on their way through the reader thread
    /// when it has exited (on a loaded machine they were): the answer waits for them,
    /// up to a few seconds.
    pub fn terminal_is_restored(&self) -> bool {
        let restored = || {
            let parser = self.screen.parser.lock().expect("screen lock");
            let screen = parser.screen();
            !screen.alternate_screen()
                && !screen.hide_cursor()
                && !screen.bracketed_paste()
                && screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
        };
        let deadline = Instant::now() + Duration::from_secs(5);
        while !restored() {
            if Instant::now() > deadline {
                return false;
            }
            thread::sleep(Duration::from_millis(20));
        }
        true
    }

    /// Sends a signal (`TERM`, `HUP`, …) to the process.
    #[allow(dead_code)] // not every test binary uses it
    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &self.process_id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
    }

    /// How many bytes the program has written to the terminal so far.
    #[allow(dead_code)] // not every test binary uses it
    pub fn bytes_received(&self) -> usize {
        self.screen.received.load(Ordering::Relaxed)
    }

    /// CPU time (user + system) the process has used, in clock ticks, from /proc.
    #[allow(dead_code)] // not every test binary uses it
    pub fn cpu_ticks(&self) -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.process_id()))
            .expect("/proc/PID/stat");
        // Fields after the command name, which is in parentheses and may hold spaces.
        let fields: Vec<&str> = stat[stat.rfind(')').expect("comm") + 2..]
            .split(' ')
            .collect();
        let ticks = |i: usize| fields[i].parse::<u64>().expect("a number");
        // utime and stime are fields 14 and 15 of the whole line: 11 and 12 here.
        ticks(11) + ticks(12)
    }

    pub fn process_id(&self) -> u32 {
        self.child.process_id().expect("a running child")
    }

    /// Kills the process with SIGKILL: no chance to save or clean up.
    #[allow(dead_code)] // not every test binary uses it
    pub fn kill_hard(&mut self) {
        let status = std::process::Command::new("kill")
            .args(["-KILL", &self.process_id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        let _ = self.child.wait();
    }

    /// Waits for the process to exit by itself and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                return status.success();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!(
                    "the process did not exit; the screen shows:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A pseudo-terminal's screen, readable from any thread.
#[derive(Clone)]
pub struct ScreenView(Arc<Screen>);

impl ScreenView {
    pub fn contents(&self) -> String {
        self.0
            .parser
            .lock()
            .expect("screen lock")
            .screen()
            .contents()
    }

    /// See [`Pty::wait_within`].
    pub fn wait_within(&self, limit: Duration, ready: impl Fn(&str) -> bool) -> Option<String> {
        let deadline = Instant::now() + limit;
        let mut parser = self.0.parser.lock().expect("screen lock");
        loop {
            let screen = parser.screen().contents();
            if ready(&screen) {
                return Some(screen);
            }
            let left = deadline.checked_duration_since(Instant::now())?;
            // Woken by each write; the timeout also covers a program gone quiet.
            parser = self
                .0
                .changed
                .wait_timeout(parser, left.min(Duration::from_millis(100)))
                .expect("screen lock")
                .0;
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Reads " 紀錄加入 127.0.0.1:41234  代碼  K7QM-4TXP  …" off the facilitator's header.
#[allow(dead_code)] // not every test binary uses it
pub fn address_and_code(screen: &str) -> (String, String) {
    let row = screen
        .lines()
        .find(|l| l.contains("紀錄加入 "))
        .expect("the link row");
    let words: Vec<&str> = row.split_whitespace().collect();
    let at = |label: &str| {
        let i = words
            .iter()
            .position(|w| *w == label)
            .unwrap_or_else(|| panic!("{label} in {row:?}"));
        words[i + 1].to_owned()
    };
    (at("紀錄加入"), at("代碼"))
}

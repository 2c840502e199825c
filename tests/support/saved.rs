//! Waiting for the session writer to report an event on disk.

use roundtable::domain::Seq;
use roundtable::store::SaveReport;
use tokio::sync::mpsc::UnboundedReceiver;

/// Blocks until the writer says everything through `seq` is on disk; a failed save
/// or a stopped writer fails the test.
pub fn wait_saved(saved: &mut UnboundedReceiver<SaveReport>, seq: Seq) {
    loop {
        match saved.blocking_recv() {
            Some(SaveReport::Saved { through }) if through >= seq => return,
            Some(SaveReport::Saved { .. }) => {}
            Some(SaveReport::Failed { error }) => panic!("not saved: {error}"),
            None => panic!("the writer stopped"),
        }
    }
}

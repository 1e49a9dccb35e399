import tensorflow as tf

# Re-entering the current variable scope adds nothing to a get_variable name, so the second
# call fetches the first one's variable: prefixing only the first would split it.
with tf.name_scope("output"):
    W = tf.get_variable("W", [3])
with tf.variable_scope(tf.get_variable_scope(), reuse=True):
    W_again = tf.get_variable("W")

with tf.variable_scope(tf.get_variable_scope()):
    with tf.name_scope("head"):
        h = tf.get_variable("head/h", [3])

# 名前
import tensorflow as tf
with tf.op_scope([x], "名前"), tf.op_scope([y], "é"):
    pass
